import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox } from "@/db/schema";
import { bookableClinic } from "@/db/testing/booking-world";
import { createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { getProviderInbox } from "./inbox";
import { releaseAllLapsed } from "./lapses";
import { getPatientBookingsOverview, MAX_OPEN_REQUESTS } from "./queries";
import { confirmBooking, LAPSED, proposeTime, rescheduleBooking } from "./transitions";

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const HOUR = 3_600_000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
// New York wall clock on a day of December 2026 (UTC-5).
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();

const intake = validIntake({ symptoms: "PRIVATE-DETAIL headaches" });

beforeAll(async () => {
  await seedReferenceData();
});

const setup = (name: string) => bookableClinic({ name, now: NOW, intake });

async function row(id: string) {
  const db = await getDb();
  const [found] = await db.select({ status: bookings.status, answerBy: bookings.answerBy }).from(bookings).where(eq(bookings.id, id));
  return found!;
}

async function emails(id: string, kind: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, id), eq(emailOutbox.kind, kind)));
}

describe("a request nobody answers", () => {
  it("has 72 hours, or until a day before the visit, and both sides are shown when", async () => {
    const { providerUser, patient, book } = await setup("Lapse Deadline");
    const farOff = await book(at(10, 10));
    const soon = await book(at(3, 10));
    expect((await row(farOff)).answerBy).toEqual(later(72));
    expect((await row(soon)).answerBy).toEqual(new Date(Date.parse(at(3, 10)) - 24 * HOUR));
    const { upcoming } = await getPatientBookingsOverview(patient, NOW);
    expect(upcoming.map((b) => [b.id, b.answerBy])).toEqual([
      [soon, new Date(Date.parse(at(3, 10)) - 24 * HOUR).toISOString()],
      [farOff, later(72).toISOString()],
    ]);
    const inbox = await getProviderInbox(providerUser, NOW);
    // The most urgent first.
    expect(inbox.requests.map((b) => b.id)).toEqual([soon, farOff]);
    const sent = await emails(farOff, "request_sent");
    expect(sent[0]!.bodyText).toContain("If they have not answered by");
  });

  it("lapses on read at its answer-by time: no longer open, not counted, its time free to book", async () => {
    const { providerUser, patient, book } = await setup("Lapse On Read");
    const ids = [];
    for (let day = 7; day < 7 + MAX_OPEN_REQUESTS; day++) ids.push(await book(at(day, 10)));
    const lapsedAt = later(72);
    // Still open a minute before: the cap holds.
    await expect(book(at(14, 10), patient, new Date(lapsedAt.getTime() - 60_000))).rejects.toThrow(/open requests/);

    const { upcoming, past } = await getPatientBookingsOverview(patient, lapsedAt);
    expect(upcoming).toEqual([]);
    expect(past.map((b) => b.status)).toEqual(["expired", "expired", "expired"]);
    const inbox = await getProviderInbox(providerUser, lapsedAt);
    expect(inbox.requests).toEqual([]);
    expect(inbox.past.map((b) => b.status)).toEqual(["expired", "expired", "expired"]);

    // The cap no longer counts them, and another patient can take the first one's time: that
    // booking sweeps the provider's lapsed requests, so the rows say so and the patient is told.
    await book(at(14, 10), patient, lapsedAt);
    await book(at(7, 10), await createUser("patient"), lapsedAt);
    for (const id of ids) expect((await row(id)).status).toBe("expired");
    const [told] = await emails(ids[0]!, "request_lapsed");
    expect(told).toMatchObject({ toAddress: patient.email, subject: expect.stringContaining("lapsed") });
    expect(told!.bodyText).toMatch(/Other times with .*: .*(EST|Eastern)/);
    expect(told!.bodyText).not.toContain("PRIVATE-DETAIL");
    const db = await getDb();
    expect(await db.$count(auditEvents, and(eq(auditEvents.subjectId, ids[0]!), eq(auditEvents.action, "booking.lapse")))).toBe(1);
  });

  it("cannot be confirmed once lapsed: the late confirm ends it instead, once", async () => {
    const { providerUser, book } = await setup("Lapse Late Confirm");
    const id = await book(at(10, 10));
    expect(await confirmBooking(providerUser, id, later(73))).toEqual({ ok: false, error: LAPSED });
    expect((await row(id)).status).toBe("expired");
    expect(await emails(id, "request_lapsed")).toHaveLength(1);
    expect(await emails(id, "confirmed")).toHaveLength(0);
    await releaseAllLapsed(later(74));
    expect(await emails(id, "request_lapsed")).toHaveLength(1);
  });

  it("is swept by the cron when nobody touches the provider", async () => {
    const { book } = await setup("Lapse Cron");
    const id = await book(at(10, 10));
    expect((await releaseAllLapsed(later(71))).requestsLapsed).toBe(0);
    expect((await row(id)).status).toBe("requested");
    expect((await releaseAllLapsed(later(72))).requestsLapsed).toBeGreaterThanOrEqual(1);
    expect((await row(id)).status).toBe("expired");
    expect(await emails(id, "request_lapsed")).toHaveLength(1);
  });

  it("starts again when the patient moves it, and a proposal waits for the patient by the same rule", async () => {
    const { providerUser, patient, book } = await setup("Lapse Restart");
    const moved = await book(at(10, 10));
    expect(await rescheduleBooking(patient, moved, new Date(at(11, 10)), later(48))).toMatchObject({ ok: true });
    expect((await row(moved)).answerBy).toEqual(later(48 + 72));
    const proposed = await book(at(10, 11));
    expect(await proposeTime(providerUser, proposed, "2026-12-03T14:00", "", later(1))).toMatchObject({ ok: true });
    // The proposed time is two days out: the patient has until a day before it.
    expect((await row(proposed)).answerBy).toEqual(new Date(Date.parse(at(3, 14)) - 24 * HOUR));
  });
});

describe("a provider confirming while the request lapses", () => {
  it("ends one way only: confirmed and kept, or lapsed and told, never both", async () => {
    for (let i = 0; i < 4; i++) {
      const { providerUser, book } = await setup(`Lapse Race ${i}`);
      const id = await book(at(10, 10));
      const [confirmed] = await Promise.all([confirmBooking(providerUser, id, later(72 - 0.001)), releaseAllLapsed(later(72))]);
      // Whichever takes the row's lock first wins; the other must see what it did.
      const { status } = await row(id);
      const lapseEmails = (await emails(id, "request_lapsed")).length;
      const confirmEmails = (await emails(id, "confirmed")).length;
      if (confirmed.ok) expect([status, lapseEmails, confirmEmails]).toEqual(["confirmed", 0, 1]);
      else expect([status, lapseEmails, confirmEmails]).toEqual(["expired", 1, 0]);
    }
  });
});
