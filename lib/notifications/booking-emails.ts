import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { bookings, locations, providers, users } from "@/db/schema";
import type { BookingAction } from "@/lib/booking/state";
import type { AvailableSlot } from "@/lib/scheduling/schedule";
import { env } from "@/lib/env";
import { videoRoomFor } from "@/lib/booking/video-visit";
import { patientLocalTime } from "@/lib/geo/state-time-zones";
import { formatInstant, formatInstantLong, formatMoney } from "@/lib/ui/format";
import { renderHtmlLetter } from "./html-letter";
import { enqueueEmail, type OutgoingEmail } from "./outbox";

// What each change tells whom. An email can be read by anyone who sees the inbox, a lock screen or
// a mail server's logs, so it says only who (the provider's name), when (in the location's zone,
// named), where (the address, or a video visit) and links to the app, where the rest is read
// signed in. Never anything either side wrote (a reason, a note: the app shows those), never the
// intake, and never the appointment type's or the location's name, which providers write and which
// can name a treatment or a condition ("Botox for migraine"): it is an "appointment" here.

type Reader = Pick<Database, "select" | "insert">;

const providerAccounts = alias(users, "provider_accounts");

type Facts = {
  startsAt: Date;
  proposedStartsAt: Date | null;
  answerBy: Date | null;
  cancellationWindowHours: number;
  timeZone: string;
  locationAddress: string;
  /** Where to look for other providers; null once the location is gone. */
  locationZip: string | null;
  telehealth: boolean;
  /** For a video visit: the state the patient is in, whose clock their emails add. */
  patientState: string | null;
  status: (typeof bookings.$inferSelect)["status"];
  /** The provider's video room, given to the patient once the visit is confirmed. */
  videoVisitUrl: string | null;
  /** An instant booking (lib/booking/instant-booking.ts): confirmed without the provider's answer. */
  instant: boolean;
  cancelledBy: "patient" | "provider" | null;
  patientEmail: string;
  providerName: string;
  providerSlug: string;
  providerEmail: string | null;
};

// Selected by name, so a column added to bookings later reaches an email only by being added here.
async function bookingFacts(tx: Reader, bookingId: string): Promise<Facts | null> {
  const [row] = await tx
    .select({
      startsAt: bookings.startsAt,
      proposedStartsAt: bookings.proposedStartsAt,
      answerBy: bookings.answerBy,
      cancellationWindowHours: bookings.cancellationWindowHours,
      timeZone: bookings.timeZone,
      locationAddress: bookings.locationAddress,
      locationZip: locations.zip,
      telehealth: bookings.telehealth,
      patientState: bookings.patientState,
      status: bookings.status,
      videoVisitUrl: providers.videoVisitUrl,
      instant: bookings.instant,
      cancelledBy: bookings.cancelledBy,
      patientEmail: users.email,
      providerName: providers.name,
      providerSlug: providers.slug,
      // A listing without an account (seeded) has no one to write to.
      providerEmail: providerAccounts.email,
    })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.patientId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(locations, eq(locations.id, bookings.locationId))
    .leftJoin(providerAccounts, eq(providerAccounts.id, providers.userId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

const link = (path: string) => new URL(path, env.SITE_URL).toString();
const PATIENT_PAGE = "/patient";
const PROVIDER_PAGE = "/provider/requests";

type Letter = {
  /** What happened, in one or two sentences. */
  lead: string;
  /** The appointment's time, when it is not the booked one (a proposed time). */
  at?: Date;
  /** Extra fact lines, such as the time first asked for: [label, value]. */
  also?: [string, string][];
  /** Paragraphs after the facts: what happens next. */
  next?: string[];
  action: string;
  path: string;
};

type Audience = "patient" | "provider";

/**
 * Every email has one shape: what happened, then the provider, the time and the place, then the
 * link. A patient on a video visit also reads the time on their own state's clock, and, once the
 * visit is confirmed, the link to join it.
 */
function facts(f: Facts, letter: Letter, audience: Audience): [string, string][] {
  const at = letter.at ?? f.startsAt;
  const own = audience === "patient" && f.telehealth && f.patientState ? patientLocalTime(at, f.timeZone, f.patientState) : null;
  const join = audience === "patient" ? videoRoomFor(f, f.videoVisitUrl) : null;
  return [
    ["Provider", f.providerName],
    ["When", formatInstantLong(at.toISOString(), f.timeZone)],
    ...(own ? [[own.label, own.value] as [string, string]] : []),
    ...(letter.also ?? []),
    ["Where", f.telehealth ? "Video visit" : f.locationAddress],
    ...(join ? [["Join the video visit", join] as [string, string]] : []),
  ];
}

function compose(to: string, bookingId: string, f: Facts, kind: string, subject: string, letter: Letter, audience: Audience): OutgoingEmail {
  const lines = facts(f, letter, audience);
  const url = link(letter.path);
  const next = letter.next ?? [];
  const body = [letter.lead, "", ...lines.map(([label, value]) => `${label}: ${value}`), "", ...next.flatMap((p) => [p, ""]), `${letter.action}: ${url}`, ""].join("\n");
  const html = renderHtmlLetter({ subject, paragraphs: [letter.lead], facts: lines, after: next, action: { label: letter.action, url } });
  return { to, kind, bookingId, subject, body, html };
}

/** A subject's time: short, with the zone's abbreviation; the body spells it out. */
const short = (at: Date, facts: Facts) => formatInstant(at.toISOString(), facts.timeZone);

function toPatient(tx: Reader, bookingId: string, facts: Facts, kind: string, subject: string, letter: Omit<Letter, "path">) {
  return enqueueEmail(tx, compose(facts.patientEmail, bookingId, facts, kind, subject, { ...letter, path: PATIENT_PAGE }, "patient"));
}

async function toProvider(tx: Reader, bookingId: string, facts: Facts, kind: string, subject: string, letter: Omit<Letter, "path">) {
  if (!facts.providerEmail) return;
  await enqueueEmail(tx, compose(facts.providerEmail, bookingId, facts, kind, subject, { ...letter, path: PROVIDER_PAGE }, "provider"));
}

/** Queues the email for a new request: the provider learns there is one to answer. */
export async function notifyBookingRequested(tx: Reader, bookingId: string): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  await toProvider(tx, bookingId, facts, "request_received", `New appointment request for ${short(facts.startsAt, facts)}`, {
    lead: "A patient asked for an appointment with you.",
    action: "Read the request, then confirm, decline or propose another time",
  });
  await toPatient(tx, bookingId, facts, "request_sent", `Request sent to ${facts.providerName}`, {
    lead: `Your request for an appointment with ${facts.providerName} is sent.`,
    next: [
      `What happens next: ${facts.providerName} reads your intake and confirms, declines or suggests another time. We email you as soon as they answer.`,
      "Until then the time is held for you, and you can cancel the request from your bookings page.",
      ...(facts.answerBy ? [`If they have not answered by ${formatInstantLong(facts.answerBy.toISOString(), facts.timeZone)}, the request lapses: the time is freed, any deposit is refunded in full, and we email you other times.`] : []),
    ],
    action: "Your bookings",
  });
}

/** Queues the emails for an instant booking that is confirmed now: both sides learn it is booked. */
export async function notifyBookedInstantly(tx: Reader, bookingId: string, now: Date): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  await toProvider(tx, bookingId, facts, "instant_booking_received", `New appointment booked for ${short(facts.startsAt, facts)}`, {
    lead: "A patient booked an appointment with you. It is an instant booking, so it is confirmed; their intake is in the app.",
    action: "Your requests and appointments",
  });
  await toPatient(tx, bookingId, facts, "booked_instantly", `Confirmed: your appointment with ${facts.providerName}`, {
    lead: `Your appointment with ${facts.providerName} is booked and confirmed.`,
    next: [cancellationLine(facts, now)],
    action: "Your bookings, with a calendar file",
  });
}

/** Queues the email a change sends to the other party. */
export async function notifyBookingChange(tx: Reader, bookingId: string, action: BookingAction): Promise<void> {
  // Recording how a visit went tells no one anything new.
  if (action === "complete" || action === "noShow") return;
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const name = facts.providerName;

  switch (action) {
    case "confirm":
      return toPatient(tx, bookingId, facts, "confirmed", `Confirmed: your appointment with ${name}`, {
        lead: `${name} confirmed your appointment.`,
        action: "Your bookings, with a calendar file",
      });
    case "decline":
      return toPatient(tx, bookingId, facts, "declined", `${name} could not take your request`, {
        lead: `${name} could not take your request for this time. Their reason is on your bookings page.`,
        action: "Read it, or find another time",
      });
    case "propose":
      return toPatient(tx, bookingId, facts, "proposed", `${name} suggested another time`, {
        lead: `${name} cannot see you at the time you asked for and suggested another.`,
        at: facts.proposedStartsAt ?? facts.startsAt,
        also: [["You asked for", formatInstantLong(facts.startsAt.toISOString(), facts.timeZone)]],
        action: "Accept it or cancel",
      });
    case "reschedule":
      if (facts.instant) return notifyInstantMove(tx, bookingId, facts);
      return toProvider(tx, bookingId, facts, "moved", `An appointment moved to ${short(facts.startsAt, facts)}`, {
        lead: "A patient moved their appointment with you. Please confirm the new time.",
        action: "Your requests and appointments",
      });
    case "acceptProposal":
      return toProvider(tx, bookingId, facts, "moved", `An appointment moved to ${short(facts.startsAt, facts)}`, {
        lead: "A patient accepted the time you proposed.",
        action: "Your requests and appointments",
      });
    case "cancel":
      return facts.cancelledBy === "provider"
        ? toPatient(tx, bookingId, facts, "cancelled", `Cancelled: your appointment with ${name}`, {
            lead: `${name} cancelled your appointment.`,
            action: "Your bookings",
          })
        : toProvider(tx, bookingId, facts, "cancelled", `Cancelled by the patient: ${short(facts.startsAt, facts)}`, {
            lead: "A patient cancelled their appointment with you.",
            action: "Your requests and appointments",
          });
  }
}

/** An instant booking moved to another free time is confirmed again at once: both sides are told. */
async function notifyInstantMove(tx: Reader, bookingId: string, facts: Facts): Promise<void> {
  await toProvider(tx, bookingId, facts, "moved", `An appointment moved to ${short(facts.startsAt, facts)}`, {
    lead: "A patient moved their instant booking with you to this time. It is confirmed.",
    action: "Your requests and appointments",
  });
  await toPatient(tx, bookingId, facts, "moved_confirmed", `Moved and confirmed: your appointment with ${facts.providerName}`, {
    lead: `Your appointment with ${facts.providerName} is moved to this time and confirmed.`,
    action: "Your bookings, with a calendar file",
  });
}

/**
 * The insurer answered the prior authorization of a treatment. The email says only that there is
 * news: whether a visit is insured, and for what, is read signed in.
 */
export async function notifyAuthorizationDecided(tx: Reader, bookingId: string): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  await toPatient(tx, bookingId, facts, "authorization_decided", `An update on your appointment with ${facts.providerName}`, {
    lead: `${facts.providerName} has an update about your appointment that may change what you pay. Please read it on your bookings page.`,
    action: "Your bookings",
  });
}

export type ReminderKind = "week" | "day";

/** What the patient can still do, by the terms of their booking. */
function cancellationLine(f: Facts, now: Date): string {
  const freeUntil = new Date(f.startsAt.getTime() - f.cancellationWindowHours * 3_600_000);
  return freeUntil.getTime() > now.getTime()
    ? `You can cancel or move it online free of charge until ${formatInstantLong(freeUntil.toISOString(), f.timeZone)}.`
    : "It can no longer be moved online; cancelling now follows the cancellation policy you agreed to.";
}

/** The reminders a patient gets before a confirmed appointment: a week ahead and a day ahead. */
export async function notifyReminder(tx: Reader, bookingId: string, kind: ReminderKind, now: Date = new Date()): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const name = facts.providerName;
  const when = short(facts.startsAt, facts);
  // The day's reminder is sent up to a day ahead, or at once for a booking made closer to its
  // time: "soon", not "tomorrow".
  const subject = kind === "week" ? `In a week: your appointment with ${name}, ${when}` : `Reminder: your appointment with ${name}, ${when}`;
  await toPatient(tx, bookingId, facts, kind === "week" ? "reminder_week" : "reminder", subject, {
    lead: kind === "week" ? `Your appointment with ${name} is a week away.` : `Your appointment with ${name} is coming up.`,
    next: [cancellationLine(facts, now)],
    action: "Change or cancel it",
  });
}

/** Tells the patient an unpaid hold ended, so they do not think the time is still theirs. */
export async function notifyHoldExpired(tx: Reader, bookingId: string): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  await toPatient(tx, bookingId, facts, "hold_expired", `The time with ${facts.providerName} is no longer held`, {
    lead: `We held this time for you while you paid the deposit, but the payment did not arrive in time, so the time is free again and nothing was charged.`,
    next: ["If you still want to see this provider, choose a time again on their profile."],
    action: "Your bookings",
  });
}

/**
 * Tells the patient their request lapsed unanswered (or the time the provider proposed instead was
 * not accepted in time), with the next free times of the same appointment and where to find them.
 */
export async function notifyRequestLapsed(tx: Reader, bookingId: string, otherTimes: AvailableSlot[]): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const name = facts.providerName;
  const lead = facts.proposedStartsAt
    ? `${name} suggested another time for your request, but it was not accepted in time, so the request has lapsed and its time is free again.`
    : `${name} did not answer your request in time, so it has lapsed and its time is free again.`;
  const times = otherTimes.map((slot) => formatInstantLong(slot.start, facts.timeZone));
  await toPatient(tx, bookingId, facts, "request_lapsed", `Your request with ${name} lapsed`, {
    lead: `${lead} Any deposit you paid is refunded in full.`,
    next: [
      times.length > 0 ? `Other times with ${name}: ${times.join("; ")}. Choose one at ${link(`/providers/${facts.providerSlug}`)}` : `${name} has no free times in the next three weeks.`,
      `Or find another provider near you: ${link("/providers")}`,
    ],
    action: "Your bookings",
  });
}

export type ProviderSideCause = "suspended" | "location_removed" | "license_lapsed";

const PROVIDER_SIDE_LEADS: Record<ProviderSideCause, (name: string) => string> = {
  suspended: (name) => `Your appointment with ${name} was cancelled because their listing is no longer active on Relief Finder.`,
  location_removed: (name) => `${name} no longer sees patients at this address, so your appointment there was cancelled.`,
  license_lapsed: (name) => `${name}'s license for the state of this appointment is not current, so the appointment was cancelled.`,
};

/** Tells the patient the provider's side cancelled, with other providers near the appointment. */
export async function notifyProviderSideCancel(tx: Reader, bookingId: string, cause: ProviderSideCause): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const search = facts.locationZip ? `/providers?near=${encodeURIComponent(facts.locationZip)}` : "/providers";
  await toPatient(tx, bookingId, facts, "cancelled", `Cancelled: your appointment with ${facts.providerName}`, {
    lead: `${PROVIDER_SIDE_LEADS[cause](facts.providerName)} Any deposit you paid is refunded in full.`,
    next: [`Other licensed providers near you: ${link(search)}`],
    action: "Your bookings",
  });
}

/** Tells the patient their deposit came back. */
export async function notifyRefund(tx: Reader, bookingId: string, amountCents: number): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  await toPatient(tx, bookingId, facts, "refunded", `Your ${formatMoney(amountCents)} deposit was refunded`, {
    lead: `We refunded your ${formatMoney(amountCents)} deposit for this appointment in full. Your bank may take a few days to show it.`,
    action: "Your bookings",
  });
}
