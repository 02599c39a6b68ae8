import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { bookings, providers, users } from "@/db/schema";
import type { BookingAction } from "@/lib/booking/state";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/ui/format";
import { enqueueEmail } from "./outbox";

// What each change tells whom. Emails carry times, places, the provider's name and links — never
// the intake, the condition, or a reason or note either side wrote (the app shows those).

type Reader = Pick<Database, "select" | "insert">;

const providerAccounts = alias(users, "provider_accounts");

async function bookingFacts(tx: Reader, bookingId: string) {
  const [row] = await tx
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      proposedStartsAt: bookings.proposedStartsAt,
      timeZone: bookings.timeZone,
      typeName: bookings.typeName,
      locationName: bookings.locationName,
      locationAddress: bookings.locationAddress,
      telehealth: bookings.telehealth,
      cancelledBy: bookings.cancelledBy,
      patientEmail: users.email,
      providerName: providers.name,
      // A listing without an account (seeded) has no one to write to.
      providerEmail: providerAccounts.email,
    })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.patientId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(providerAccounts, eq(providerAccounts.id, providers.userId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

const link = (path: string) => new URL(path, env.SITE_URL).toString();
const when = (at: Date, zone: string) => formatInstant(at.toISOString(), zone);

function where(facts: { telehealth: boolean; locationName: string; locationAddress: string }): string {
  return facts.telehealth ? "by video" : `at ${facts.locationName}, ${facts.locationAddress}`;
}

/** Queues the emails for a new request: the provider learns there is one to answer. */
export async function notifyBookingRequested(tx: Reader, bookingId: string): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts?.providerEmail) return;
  await enqueueEmail(tx, {
    to: facts.providerEmail,
    kind: "request_received",
    bookingId,
    subject: `New consultation request for ${when(facts.startsAt, facts.timeZone)}`,
    body: `A patient asked for a ${facts.typeName.toLowerCase()} on ${when(facts.startsAt, facts.timeZone)} ${where(facts)}.\n\nRead their intake and confirm, decline or propose another time:\n${link("/provider/requests")}\n`,
  });
}

/** Queues the email a change sends to the other party. */
export async function notifyBookingChange(tx: Reader, bookingId: string, action: BookingAction): Promise<void> {
  // Recording how a visit went tells no one anything new.
  if (action === "complete" || action === "noShow") return;
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const at = when(facts.startsAt, facts.timeZone);
  const toPatient = (kind: string, subject: string, body: string) =>
    enqueueEmail(tx, { to: facts.patientEmail, kind, bookingId, subject, body: `${body}\n\nYour bookings: ${link("/patient")}\n` });
  const toProvider = (kind: string, subject: string, body: string) =>
    facts.providerEmail ? enqueueEmail(tx, { to: facts.providerEmail, kind, bookingId, subject, body: `${body}\n\nYour requests: ${link("/provider/requests")}\n` }) : Promise.resolve();

  switch (action) {
    case "confirm":
      return toPatient("confirmed", `Confirmed: ${facts.providerName}, ${at}`, `${facts.providerName} confirmed your ${facts.typeName.toLowerCase()} on ${at} ${where(facts)}. A calendar file is on your bookings page.`);
    case "decline":
      return toPatient("declined", `${facts.providerName} could not take your request`, `${facts.providerName} declined your request for ${at}. Their reason is on your bookings page.`);
    case "propose":
      return toPatient("proposed", `${facts.providerName} suggested another time`, `${facts.providerName} cannot do ${at} and suggested ${facts.proposedStartsAt ? when(facts.proposedStartsAt, facts.timeZone) : "another time"}. Accept it or cancel from your bookings.`);
    case "acceptProposal":
    case "reschedule":
      return toProvider("moved", `A booking moved to ${at}`, `A patient's ${facts.typeName.toLowerCase()} is now on ${at} ${where(facts)}.${action === "reschedule" ? " Please confirm the new time." : ""}`);
    case "cancel":
      return facts.cancelledBy === "provider"
        ? toPatient("cancelled", `Cancelled: ${facts.providerName}, ${at}`, `${facts.providerName} cancelled your ${facts.typeName.toLowerCase()} on ${at}.`)
        : toProvider("cancelled", `Cancelled by the patient: ${at}`, `A patient cancelled their ${facts.typeName.toLowerCase()} on ${at}.`);
  }
}

/** The reminder a patient gets the day before a confirmed appointment. */
export async function notifyReminder(tx: Reader, bookingId: string): Promise<void> {
  const facts = await bookingFacts(tx, bookingId);
  if (!facts) return;
  const at = when(facts.startsAt, facts.timeZone);
  await enqueueEmail(tx, {
    to: facts.patientEmail,
    kind: "reminder",
    bookingId,
    subject: `Reminder: ${facts.providerName} tomorrow, ${at}`,
    body: `Your ${facts.typeName.toLowerCase()} with ${facts.providerName} is on ${at} ${where(facts)}.\n\nNeed to change it? ${link("/patient")}\n`,
  });
}
