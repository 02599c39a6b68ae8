import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { bookings, emailOutbox, timeOff, waitlistEntries, waitlistOffers } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { deleteAccount } from "@/lib/account/delete";
import { exportAccount } from "@/lib/account/export";
import { createAccount } from "@/lib/auth/accounts";
import { releaseAllLapsed } from "@/lib/booking/lapses";
import { suspendProvider } from "@/lib/listing/moderation";
import { removeTimeOff } from "@/lib/scheduling/settings";
import { createBooking, getPatientBookingsOverview } from "@/lib/booking/queries";
import { cancelBooking } from "@/lib/booking/transitions";
import { getClaimTarget, OFFER_GONE } from "./claim";
import { joinWaitlist, leaveWaitlist, listWaitlists, MAX_WAITLISTS, WAITLIST_LIMIT } from "./entries";
import { WAITLIST_HOLD_MINUTES } from "./offers";

// Deleting an account queues its emails for after the response; there is none here.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const MINUTE = 60_000;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
// Thursdays 10:00 New York (UTC-5): the clinic's only slot each week.
const THU_3 = "2026-12-03T15:00:00.000Z";
const THU_10 = "2026-12-10T15:00:00.000Z";
const intake = validIntake({ symptoms: "PRIVATE-DETAIL headaches" });

beforeAll(async () => {
  await seedReferenceData();
});

/** A clinic open one half hour a week, fully booked for the next two weeks by one patient. */
async function fullClinic(name: string) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: providerUser.id }, hours: [{ weekday: 4, startMinute: 600, endMinute: 630 }] });
  const book = async (who: TestUser, start: string, at: Date = NOW, waitlistOfferId?: string) =>
    createBooking(who, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake, waitlistOfferId }, at);
  const regular = await createUser("patient");
  const first = await book(regular, THU_3);
  const second = await book(regular, THU_10);
  if (!first.ok || !second.ok) throw new Error("the clinic could not be filled");
  const join = (who: TestUser, at: Date = NOW) =>
    joinWaitlist(who, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, fromDate: "2026-12-01", toDate: "2026-12-12" }, at);
  return { provider, providerUser, regular, book, join, bookedIds: [first.id, second.id] };
}

async function offersOf(patient: TestUser) {
  const db = await getDb();
  return db
    .select({ id: waitlistOffers.id, outcome: waitlistOffers.outcome, startsAt: waitlistOffers.startsAt, holdBookingId: waitlistOffers.holdBookingId })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(eq(waitlistEntries.patientId, patient.id));
}

async function offerEmails(patient: TestUser) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, patient.email), eq(emailOutbox.kind, "waitlist_offer")));
}

const tokenIn = (body: string) => /\/waitlist\/claim\/([A-Za-z0-9_-]+)/.exec(body)![1]!;

async function activeBookingsAt(providerId: string, start: string) {
  const db = await getDb();
  return db
    .select({ patientId: bookings.patientId, waitlistHold: bookings.waitlistHold })
    .from(bookings)
    .where(and(eq(bookings.providerId, providerId), eq(bookings.startsAt, new Date(start)), inArray(bookings.status, ["pending_payment", "requested", "confirmed"])));
}

describe("joining and leaving", () => {
  it("takes at most 3 waitlists per patient, refuses a range with a free time, and leaving makes room", async () => {
    const patient = await createUser("patient");
    const clinics = [];
    for (let i = 0; i <= MAX_WAITLISTS; i++) clinics.push(await fullClinic(`Waitlist Limit ${i}`));
    for (const clinic of clinics.slice(0, MAX_WAITLISTS)) expect(await clinic.join(patient)).toMatchObject({ ok: true });
    expect(await clinics[MAX_WAITLISTS]!.join(patient)).toEqual({ ok: false, reason: "limit", message: WAITLIST_LIMIT });
    const mine = await listWaitlists(patient, NOW);
    expect(mine.map((w) => w.providerName)).toEqual(["Waitlist Limit 0", "Waitlist Limit 1", "Waitlist Limit 2"]);
    expect(await leaveWaitlist(patient, mine[1]!.id, NOW)).toEqual({ ok: true });
    expect(await clinics[MAX_WAITLISTS]!.join(patient)).toMatchObject({ ok: true });
    expect(await leaveWaitlist(await createUser("patient"), mine[0]!.id, NOW)).toMatchObject({ ok: false });

    const open = await fullClinic("Waitlist Free Time");
    const other = await createUser("patient");
    const wide = await joinWaitlist(other, { providerSlug: open.provider.slug, appointmentTypeId: open.provider.typeIds[0]!, fromDate: "2026-12-01", toDate: "2026-12-20" }, NOW);
    expect(wide).toMatchObject({ ok: false, reason: "free" });
    const past = await joinWaitlist(other, { providerSlug: open.provider.slug, appointmentTypeId: open.provider.typeIds[0]!, fromDate: "2026-11-20", toDate: "2026-12-05" }, NOW);
    expect(past).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { fromDate: expect.any(String) } });
  });
});

describe("a freed time", () => {
  it("is offered to the earliest joined, held 15 minutes, then passed to the next; the claim books it", async () => {
    const { provider, regular, book, join, bookedIds } = await fullClinic("Waitlist Order");
    const [first, second] = [await createUser("patient"), await createUser("patient")];
    expect(await join(first, later(1))).toMatchObject({ ok: true });
    expect(await join(second, later(2))).toMatchObject({ ok: true });
    expect(await offersOf(first)).toEqual([]);

    expect(await cancelBooking(regular, bookedIds[0]!, "", later(3))).toMatchObject({ ok: true });
    const [offer] = await offersOf(first);
    expect(offer).toMatchObject({ outcome: "offered", startsAt: new Date(THU_3) });
    expect(await offersOf(second)).toEqual([]);
    const [email] = await offerEmails(first);
    expect(email!.bodyText).toMatch(/Thursday, December 3, 2026 at 10:00 AM Eastern Standard Time/);
    expect(email!.bodyText).toContain("/waitlist/leave/");
    expect(email!.bodyText).not.toContain("PRIVATE-DETAIL");
    expect(email!.bodyText).not.toContain("Initial consultation");
    // Only the hash is kept.
    expect(JSON.stringify(await offersOf(first))).not.toContain(tokenIn(email!.bodyText));

    // Held: nobody else can book it, and it is no booking of the waitlisted patient's.
    expect(await book(await createUser("patient"), THU_3, later(4))).toMatchObject({ ok: false, reason: "taken" });
    expect((await getPatientBookingsOverview(first, later(4))).upcoming).toEqual([]);

    // Unclaimed for 15 minutes, it goes to the next in line, and the first is not offered it again.
    await releaseAllLapsed(later(3 + WAITLIST_HOLD_MINUTES));
    expect((await offersOf(first)).map((o) => o.outcome)).toEqual(["expired"]);
    expect(await getClaimTarget(first, tokenIn(email!.bodyText), later(3 + WAITLIST_HOLD_MINUTES))).toEqual({ ok: false, message: OFFER_GONE });
    const [passed] = await offersOf(second);
    expect(passed).toMatchObject({ outcome: "offered", startsAt: new Date(THU_3) });

    const [secondEmail] = await offerEmails(second);
    const target = await getClaimTarget(second, tokenIn(secondEmail!.bodyText), later(20));
    expect(target).toMatchObject({ ok: true, href: expect.stringContaining(`hold=${passed!.id}`) });
    // The link is the second patient's: the first one's account finds nothing in it.
    expect(await getClaimTarget(first, tokenIn(secondEmail!.bodyText), later(20))).toMatchObject({ ok: false });

    const claimed = await book(second, THU_3, later(20), passed!.id);
    expect(claimed).toMatchObject({ ok: true, status: "requested" });
    expect(await activeBookingsAt(provider.id, THU_3)).toEqual([{ patientId: second.id, waitlistHold: false }]);
    expect((await offersOf(second)).map((o) => o.outcome)).toEqual(["claimed"]);
    expect(await listWaitlists(second, later(20))).toEqual([]);
    // Still waiting: the first patient is on the list for the next time that opens.
    expect(await listWaitlists(first, later(20))).toHaveLength(1);
  });

  it("leaving from the offer passes the held time on at once", async () => {
    const { regular, join, bookedIds } = await fullClinic("Waitlist Leave Offer");
    const [first, second] = [await createUser("patient"), await createUser("patient")];
    await join(first, later(1));
    await join(second, later(2));
    await cancelBooking(regular, bookedIds[1]!, "", later(3));
    const [entry] = await listWaitlists(first, later(4));
    expect(entry!.offer).toMatchObject({ startsAt: THU_10, bookHref: expect.stringContaining("hold=") });
    expect(await leaveWaitlist(first, entry!.id, later(4))).toEqual({ ok: true });
    expect((await offersOf(first)).map((o) => o.outcome)).toEqual(["withdrawn"]);
    expect(await offersOf(second)).toEqual([expect.objectContaining({ outcome: "offered", startsAt: new Date(THU_10) })]);
  });
});

describe("two patients and one freed time", () => {
  it("the hold keeps it for the waitlisted patient while someone else books at the same moment", async () => {
    for (let i = 0; i < 3; i++) {
      const { provider, regular, book, join, bookedIds } = await fullClinic(`Waitlist Race ${i}`);
      const waiting = await createUser("patient");
      await join(waiting, later(1));
      await cancelBooking(regular, bookedIds[0]!, "", later(2));
      const [offer] = await offersOf(waiting);
      const [claim, direct] = await Promise.all([book(waiting, THU_3, later(5), offer!.id), book(await createUser("patient"), THU_3, later(5))]);
      expect([claim.ok, direct.ok]).toEqual([true, false]);
      expect(await activeBookingsAt(provider.id, THU_3)).toEqual([{ patientId: waiting.id, waitlistHold: false }]);
    }
  });

  it("at the hold's end, either the first claims it or it passes to the second: never both", async () => {
    for (let i = 0; i < 4; i++) {
      const { provider, regular, book, join, bookedIds } = await fullClinic(`Waitlist Expiry Race ${i}`);
      const [first, second] = [await createUser("patient"), await createUser("patient")];
      await join(first, later(1));
      await join(second, later(2));
      await cancelBooking(regular, bookedIds[0]!, "", later(3));
      const [offer] = await offersOf(first);
      const end = later(3 + WAITLIST_HOLD_MINUTES);
      const [claim] = await Promise.all([book(first, THU_3, new Date(end.getTime() - 1), offer!.id), releaseAllLapsed(end)]);
      const held = await activeBookingsAt(provider.id, THU_3);
      expect(held).toHaveLength(1);
      if (claim.ok) {
        expect(held).toEqual([{ patientId: first.id, waitlistHold: false }]);
        expect(await offersOf(second)).toEqual([]);
      } else {
        expect(held).toEqual([{ patientId: second.id, waitlistHold: true }]);
        expect((await offersOf(first)).map((o) => o.outcome)).toEqual(["expired"]);
      }
    }
  });
});

describe("other ways a time opens", () => {
  it("a request that lapses unanswered, swept by the cron, is offered", async () => {
    const { join } = await fullClinic("Waitlist Lapse");
    const waiting = await createUser("patient");
    await join(waiting, later(1));
    // The later request lapses 72 hours after it was made; the first's day has passed by then.
    await releaseAllLapsed(later(72 * 60 + 1));
    expect(await offersOf(waiting)).toEqual([expect.objectContaining({ outcome: "offered", startsAt: new Date(THU_10) })]);
  });

  it("time off removed is offered", async () => {
    const providerUser = await createUser("provider");
    const provider = await createProvider({ name: "Waitlist Time Off", provider: { userId: providerUser.id }, hours: [{ weekday: 4, startMinute: 600, endMinute: 630 }] });
    const db = await getDb();
    const [away] = await db
      .insert(timeOff)
      .values({ providerId: provider.id, startsAt: new Date("2026-12-01T00:00:00Z"), endsAt: new Date("2026-12-13T00:00:00Z") })
      .returning({ id: timeOff.id });
    const waiting = await createUser("patient");
    expect(await joinWaitlist(waiting, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, fromDate: "2026-12-01", toDate: "2026-12-12" }, NOW)).toMatchObject({ ok: true });
    expect(await removeTimeOff(providerUser, away!.id, later(1))).toMatchObject({ ok: true });
    expect(await offersOf(waiting)).toEqual([expect.objectContaining({ outcome: "offered", startsAt: new Date(THU_3) })]);
  });
});

describe("the provider's side ending", () => {
  it("a suspension withdraws a time held for a waitlisted patient, and the link says it is no longer held", async () => {
    const { provider, regular, join, bookedIds } = await fullClinic("Waitlist Suspended");
    const waiting = await createUser("patient");
    await join(waiting, later(1));
    await cancelBooking(regular, bookedIds[1]!, "", later(2));
    const [offer] = await offersOf(waiting);
    expect(offer).toMatchObject({ outcome: "offered", startsAt: new Date(THU_10) });
    const token = tokenIn((await offerEmails(waiting))[0]!.bodyText);

    expect(await suspendProvider(await createUser("admin"), { providerId: provider.id, reason: "License under review" }, later(3))).toMatchObject({ ok: true });
    expect((await offersOf(waiting)).map((o) => o.outcome)).toEqual(["withdrawn"]);
    expect(await activeBookingsAt(provider.id, THU_10)).toEqual([]);
    expect(await getClaimTarget(waiting, token, later(4))).toEqual({ ok: false, message: OFFER_GONE });
  });
});

describe("deleting the account", () => {
  it("removes the patient's waitlists, passes a time held for them to the next, and the export listed them before", async () => {
    const { regular, join, bookedIds } = await fullClinic("Waitlist Deleted");
    const email = `waitlist-leaving-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const created = await createAccount({ name: "Lee Leaving", email, password: "my account password", role: "patient" }, { verified: true });
    if (!created.ok) throw new Error(created.message);
    const leaving: TestUser = { id: created.userId, email, name: "Lee Leaving", role: "patient", mustChangePassword: false };
    const next = await createUser("patient");
    await join(leaving, later(1));
    await join(next, later(2));
    await cancelBooking(regular, bookedIds[0]!, "", later(3));
    expect((await offersOf(leaving)).map((o) => o.outcome)).toEqual(["offered"]);
    const exported = JSON.parse(JSON.stringify(await exportAccount(leaving, later(4)))) as { waitlists: { provider: string }[]; bookings: unknown[] };
    expect(exported.waitlists).toEqual([expect.objectContaining({ provider: "Waitlist Deleted", endedAt: null })]);
    expect(exported.bookings).toEqual([]);

    expect(await deleteAccount(leaving, { password: "my account password", ip: "198.51.100.40" }, { now: later(5), sleep: async () => {} })).toMatchObject({ ok: true, bookingsCancelled: 0 });
    const db = await getDb();
    expect(await db.$count(waitlistEntries, eq(waitlistEntries.patientId, leaving.id))).toBe(0);
    expect(await db.$count(bookings, eq(bookings.patientId, leaving.id))).toBe(0);
    expect(await offersOf(next)).toEqual([expect.objectContaining({ outcome: "offered", startsAt: new Date(THU_3) })]);
  });
});
