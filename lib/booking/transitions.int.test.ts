import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox } from "@/db/schema";
import { bookableClinic } from "@/db/testing/booking-world";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { notificationSettings, saveNotificationSettings } from "@/lib/auth/account-settings";
import { ForbiddenError } from "@/lib/auth/authorize";
import { sealJson } from "@/lib/crypto/sealed-json";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { bookingCalendarFile } from "./calendar";
import { getInboxBooking, getProviderInbox } from "./inbox";
import { getPatientBookingsOverview, listPatientBookings } from "./queries";
import { queueDueReminders } from "./reminders";
import { acceptProposal, cancelBooking, confirmBooking, declineBooking, markCompleted, markNoShow, proposeTime, rescheduleBooking, TIME_TAKEN } from "./transitions";

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, localHour + 5, minute)).toISOString();

const intake = validIntake({ symptoms: "PRIVATE-DETAIL headaches", painScore: 8, headacheDaysPerMonth: 20, safety: { neuromuscularDisease: "yes" } });

beforeAll(async () => {
  await seedReferenceData();
});

const setup = (name: string) => bookableClinic({ name, now: NOW, intake });

async function statusOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ status: bookings.status, startsAt: bookings.startsAt }).from(bookings).where(eq(bookings.id, id));
  return row!;
}

async function emailsFor(bookingId: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
}

describe("the provider answers a request", () => {
  it("confirms, and the patient is emailed without any intake detail", async () => {
    const { providerUser, patient, book } = await setup("Flow Confirm");
    const id = await book(at(3, 10));
    expect((await emailsFor(id)).map((e) => [e.kind, e.toAddress]).sort()).toEqual([
      ["request_received", providerUser.email],
      ["request_sent", patient.email],
    ]);
    expect(await confirmBooking(providerUser, id, NOW)).toMatchObject({ ok: true });
    expect((await statusOf(id)).status).toBe("confirmed");
    const emails = await emailsFor(id);
    expect(emails.map((e) => [e.kind, e.toAddress]).sort()).toEqual([
      ["confirmed", patient.email],
      ["request_received", providerUser.email],
      ["request_sent", patient.email],
    ]);
    expect(emails.some((e) => e.bodyText.includes("PRIVATE-DETAIL") || e.subject.includes("migraine"))).toBe(false);
    expect(await confirmBooking(providerUser, id, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/is confirmed/) });
  });

  it("declines with a reason the patient sees, which frees the time", async () => {
    const { providerUser, patient, book } = await setup("Flow Decline");
    const id = await book(at(3, 10));
    expect(await declineBooking(providerUser, id, "I don't treat this in new patients", NOW)).toMatchObject({ ok: true });
    expect((await listPatientBookings(patient))[0]).toMatchObject({ status: "declined", declineReason: "I don't treat this in new patients" });
    await book(at(3, 10), await createUser("patient"));
  });

  it("proposes another free time in clinic time, which the patient accepts", async () => {
    const { providerUser, patient, book } = await setup("Flow Propose");
    const id = await book(at(3, 10));
    await book(at(3, 11), await createUser("patient"));
    expect(await proposeTime(providerUser, id, "2026-12-03T11:00", "", NOW)).toEqual({ ok: false, error: TIME_TAKEN });
    expect(await proposeTime(providerUser, id, "2026-12-03T07:00", "", NOW)).toEqual({ ok: false, error: TIME_TAKEN });
    expect(await proposeTime(providerUser, id, "2026-12-04T14:30", "Thursday is full", NOW)).toMatchObject({ ok: true });
    expect((await listPatientBookings(patient, undefined, NOW))[0]).toMatchObject({ status: "requested", proposedStartsAt: at(4, 14, 30), proposalNote: "Thursday is full" });
    expect(await acceptProposal(patient, id, NOW)).toMatchObject({ ok: true });
    expect(await statusOf(id)).toEqual({ status: "confirmed", startsAt: new Date(at(4, 14, 30)) });
  });

  it("marks a confirmed appointment completed or missed only once it has started", async () => {
    const { providerUser, book } = await setup("Flow Done");
    const a = await book(at(3, 10));
    const b = await book(at(3, 11));
    await confirmBooking(providerUser, a, NOW);
    await confirmBooking(providerUser, b, NOW);
    expect(await markCompleted(providerUser, a, null, NOW)).toMatchObject({ ok: false });
    const later = new Date("2026-12-03T17:00:00Z");
    expect(await markCompleted(providerUser, a, null, later)).toMatchObject({ ok: true });
    expect(await markNoShow(providerUser, b, later)).toMatchObject({ ok: true });
    expect([(await statusOf(a)).status, (await statusOf(b)).status]).toEqual(["completed", "no_show"]);
  });
});

describe("the patient changes a booking", () => {
  it("reschedules to another free time as one booking, back to requested, its history audited", async () => {
    const { providerUser, patient, book } = await setup("Flow Move");
    const id = await book(at(3, 10));
    await confirmBooking(providerUser, id, NOW);
    // Half an hour later overlaps its own current time, which does not block the move.
    expect(await rescheduleBooking(patient, id, new Date(at(3, 10, 30)), NOW)).toMatchObject({ ok: true });
    expect(await statusOf(id)).toEqual({ status: "requested", startsAt: new Date(at(3, 10, 30)) });
    expect(await rescheduleBooking(patient, id, new Date(at(3, 20)), NOW)).toEqual({ ok: false, error: TIME_TAKEN });
    expect(await listPatientBookings(patient)).toHaveLength(1);
    const db = await getDb();
    const history = await db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(history.map((h) => h.action)).toEqual(["booking.requested", "booking.confirm", "booking.reschedule"]);
    expect(history[2]!.details).toMatchObject({ movedFrom: at(3, 10), movedTo: at(3, 10, 30) });
  });

  it("moves onto a time whose unpaid hold has lapsed, and the lapsed hold leaves its patient's upcoming list", async () => {
    const { patient, book } = await setup("Flow Lapsed Hold");
    const id = await book(at(3, 10));
    const other = await createUser("patient");
    const held = await book(at(3, 14), other);
    // The other patient never paid: their hold ran out a minute ago (nothing has marked it yet).
    const db = await getDb();
    await db.update(bookings).set({ status: "pending_payment", holdExpiresAt: new Date(NOW.getTime() - 60_000) }).where(eq(bookings.id, held));
    expect((await getPatientBookingsOverview(other, NOW)).upcoming).toEqual([]);

    expect(await rescheduleBooking(patient, id, new Date(at(3, 14)), NOW)).toMatchObject({ ok: true });
    expect(await statusOf(id)).toEqual({ status: "requested", startsAt: new Date(at(3, 14)) });
    expect(await statusOf(held)).toMatchObject({ status: "expired" });
    expect((await getPatientBookingsOverview(other, NOW)).past.map((b) => b.status)).toEqual(["expired"]);
  });

  it("cancels what has not happened yet; either side may", async () => {
    const { providerUser, patient, book } = await setup("Flow Cancel");
    const mine = await book(at(3, 10));
    const theirs = await book(at(3, 11));
    expect(await cancelBooking(patient, mine, "Feeling better", NOW)).toMatchObject({ ok: true });
    expect(await cancelBooking(providerUser, theirs, "Clinic closed", NOW)).toMatchObject({ ok: true });
    const rows = await listPatientBookings(patient);
    expect(rows.map((r) => [r.status, r.cancelledBy, r.cancelReason])).toEqual([
      ["cancelled", "patient", "Feeling better"],
      ["cancelled", "provider", "Clinic closed"],
    ]);
  });
});

describe("what either side writes", () => {
  const rowText = async (id: string) => {
    const db = await getDb();
    const result = (await db.execute(sql`select b::text as row from bookings b where b.id = ${id}`)) as unknown as { rows: { row: string }[] };
    return result.rows[0]!.row;
  };
  const noteReads = async (id: string) => {
    const db = await getDb();
    return db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "booking_note.read")));
  };

  it("is stored sealed, and read back by the patient", async () => {
    const { providerUser, patient, book } = await setup("Notes Sealed");
    const declined = await book(at(3, 10));
    const proposed = await book(at(3, 11));
    const cancelled = await book(at(3, 12));
    await declineBooking(providerUser, declined, "SEALED-DECLINE botulinum is not for you", NOW);
    await proposeTime(providerUser, proposed, "2026-12-04T14:30", "SEALED-PROPOSAL bring your diary", NOW);
    await cancelBooking(patient, cancelled, "SEALED-CANCEL my neck pain is gone", NOW);
    for (const id of [declined, proposed, cancelled]) expect(await rowText(id)).not.toMatch(/SEALED|botulinum|diary|neck/);
    const shown = Object.fromEntries((await listPatientBookings(patient)).map((b) => [b.id, [b.declineReason, b.proposalNote, b.cancelReason]]));
    expect(shown).toEqual({
      [declined]: ["SEALED-DECLINE botulinum is not for you", null, null],
      [proposed]: [null, "SEALED-PROPOSAL bring your diary", null],
      [cancelled]: [null, null, "SEALED-CANCEL my neck pain is gone"],
    });
  });

  it("opens for the provider on the booking's own page only, each read of the patient's words audited", async () => {
    const { providerUser, patient, book } = await setup("Notes Provider");
    const byPatient = await book(at(3, 10));
    const byProvider = await book(at(3, 11));
    await cancelBooking(patient, byPatient, "AUDITED-CANCEL the pain came back", NOW);
    await declineBooking(providerUser, byProvider, "Own words, read without an audit row", NOW);

    const proposed = await book(at(3, 12));
    await proposeTime(providerUser, proposed, "2026-12-04T14:30", "Own note, opened on its page only", NOW);
    const inbox = await getProviderInbox(providerUser, NOW);
    expect(inbox.past.map((b) => b.notes)).toEqual([null, null]);
    expect(inbox.requests.map((b) => [b.id, b.notes])).toEqual([[proposed, null]]);
    expect(await noteReads(byPatient)).toEqual([]);

    expect(await getInboxBooking(providerUser, byPatient)).toMatchObject({ cancelledBy: "patient", notes: { cancelReason: "AUDITED-CANCEL the pain came back" } });
    expect(await getInboxBooking(providerUser, byProvider)).toMatchObject({ notes: { declineReason: "Own words, read without an audit row" } });
    const reads = await noteReads(byPatient);
    expect(reads.map((r) => [r.actorId, r.details])).toEqual([[providerUser.id, { providerId: expect.any(String), note: "cancelReason" }]]);
    expect(JSON.stringify(reads)).not.toContain("AUDITED-CANCEL");
    expect(await noteReads(byProvider)).toEqual([]);
    expect(await getInboxBooking(await createUser("provider"), byPatient)).toBeNull();
    expect(await noteReads(byPatient)).toHaveLength(1);
  });

  it("opens only in its own booking and field", async () => {
    const { providerUser, patient, book } = await setup("Notes Bound");
    const id = await book(at(3, 10));
    const other = await book(at(3, 11));
    await cancelBooking(patient, id, "MOVED-CANCEL the patient's own words", NOW);
    const db = await getDb();
    const [row] = await db.select({ sealed: bookings.cancelReasonCiphertext }).from(bookings).where(eq(bookings.id, id));
    // Passed off as the provider's decline reason (read unaudited), or moved to another booking.
    await db.update(bookings).set({ declineReasonCiphertext: row!.sealed }).where(eq(bookings.id, id));
    await db.update(bookings).set({ cancelReasonCiphertext: row!.sealed, status: "cancelled", cancelledBy: "patient" }).where(eq(bookings.id, other));
    expect(await getInboxBooking(providerUser, id)).toMatchObject({ notes: { declineReason: null, cancelReason: "MOVED-CANCEL the patient's own words" } });
    expect(await getInboxBooking(providerUser, other)).toMatchObject({ notes: { cancelReason: null } });
  });
});

describe("who may touch a booking", () => {
  it("refuses another patient, another provider and an admin", async () => {
    const { providerUser, book } = await setup("Flow Private");
    const id = await book(at(3, 10));
    const stranger = await createUser("patient");
    const otherProvider = await createUser("provider");
    await createProvider({ name: "Flow Other", provider: { userId: otherProvider.id } });
    expect(await cancelBooking(stranger, id, "", NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/not yours/) });
    expect(await confirmBooking(otherProvider, id, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/not yours/) });
    await expect(cancelBooking(await createUser("admin"), id, "", NOW)).rejects.toThrow(ForbiddenError);
    expect(await confirmBooking(stranger, id, NOW)).toMatchObject({ ok: false });
    expect((await statusOf(id)).status).toBe("requested");
    expect(await bookingCalendarFile(stranger, id)).toBeNull();
    expect((await getProviderInbox(otherProvider, NOW)).requests).toEqual([]);
    expect((await getProviderInbox(providerUser, NOW)).requests).toHaveLength(1);
  });
});

describe("the provider's inbox", () => {
  it("opens each intake with the safety answers first, and audits every read", async () => {
    const { providerUser, book } = await setup("Flow Inbox");
    const id = await book(at(3, 10));
    const inbox = await getProviderInbox(providerUser, NOW);
    expect(inbox.requests[0]).toMatchObject({ id, intake: { safetyFlags: ["Neuromuscular disease"], painScore: 8, headacheDaysPerMonth: 20, payment: "Self-pay" } });
    await getProviderInbox(providerUser, NOW);
    const db = await getDb();
    const reads = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "intake.read")));
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.actorId === providerUser.id && !JSON.stringify(r.details).includes("PRIVATE"))).toBe(true);
  });
});

describe("an upcoming appointment's intake", () => {
  it("stays closed in the inbox and opens on request for its own provider only, each read audited", async () => {
    const { providerUser, patient, book } = await setup("Flow Upcoming Intake");
    const id = await book(at(3, 10));
    await confirmBooking(providerUser, id, NOW);
    const db = await getDb();
    const reads = () => db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "intake.read")));
    const before = (await reads()).length;

    const inbox = await getProviderInbox(providerUser, NOW);
    expect(inbox.upcoming.find((b) => b.id === id)).toMatchObject({ intake: null, intakeUnreadable: false });
    expect(await reads()).toHaveLength(before);

    expect(await getInboxBooking(providerUser, id)).toMatchObject({ id, intake: { painScore: 8, safetyFlags: ["Neuromuscular disease"] } });
    expect(await reads()).toHaveLength(before + 1);
    expect(await getInboxBooking(await createUser("provider"), id)).toBeNull();
    expect(await getInboxBooking(providerUser, "not-an-id")).toBeNull();
    await expect(getInboxBooking(patient, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await reads()).toHaveLength(before + 1);
  });
});

describe("an intake stored under another key", () => {
  it("is reported as unreadable in the inbox instead of breaking it", async () => {
    const { providerUser, book } = await setup("Flow Wrong Key");
    const id = await book(at(3, 10));
    const db = await getDb();
    await db.update(bookings).set({ intakeCiphertext: sealJson({ symptoms: "x" }, id, randomBytes(32)) }).where(eq(bookings.id, id));
    const inbox = await getProviderInbox(providerUser, NOW);
    expect(inbox.requests.find((r) => r.id === id)).toMatchObject({ intake: null, intakeUnreadable: true });
  });
});

describe("calendar files and reminders", () => {
  it("offers a confirmed booking as an .ics file in UTC", async () => {
    const { providerUser, patient, book } = await setup("Flow Calendar");
    const id = await book(at(3, 10));
    expect(await bookingCalendarFile(patient, id)).toBeNull();
    await confirmBooking(providerUser, id, NOW);
    const file = await bookingCalendarFile(patient, id);
    expect(file!.content).toContain("DTSTART:20261203T150000Z");
    expect(file!.content).toContain("DTEND:20261203T153000Z");
    expect(file!.content).toContain(`UID:${id}@relief-finder`);
    expect(file!.content).toContain("America/New_York");
    expect(await bookingCalendarFile(providerUser, id)).not.toBeNull();
  });

  it("queues one reminder per confirmed booking 24 hours ahead, however often the scheduler runs", async () => {
    const { providerUser, patient, book } = await setup("Flow Remind");
    const soon = await book(at(3, 10));
    const later = await book(at(4, 10));
    await confirmBooking(providerUser, soon, NOW);
    await confirmBooking(providerUser, later, NOW);
    const dayBefore = new Date("2026-12-02T16:00:00Z");
    const runs = await Promise.all([queueDueReminders(dayBefore), queueDueReminders(dayBefore), queueDueReminders(dayBefore)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const reminders = (await emailsFor(soon)).filter((e) => e.kind === "reminder");
    expect(reminders.map((e) => e.toAddress)).toEqual([patient.email]);
    expect((await emailsFor(later)).filter((e) => e.kind === "reminder")).toEqual([]);
    // Each run sends a batch; the file's earlier tests left more queued than one batch holds.
    for (let run = await deliverOutbox(); run.sent > 0; run = await deliverOutbox()) expect(run.failed).toBe(0);
    const db = await getDb();
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, soon))).every((e) => e.transport === "dev-outbox" && e.sentAt)).toBe(true);
  });

  it("reminds a week ahead a booking made further ahead than that, once, with its free-cancellation time", async () => {
    const { providerUser, patient, book } = await setup("Flow Week");
    const far = await book(at(14, 10));
    const near = await book(at(4, 10));
    await confirmBooking(providerUser, far, NOW);
    await confirmBooking(providerUser, near, NOW);
    const weekly = async (id: string) => (await emailsFor(id)).filter((e) => e.kind === "reminder_week");
    await queueDueReminders(new Date("2026-12-06T16:00:00Z"));
    expect(await weekly(far)).toEqual([]);
    // Near is within a week but was booked only three days ahead: its day-before reminder will do.
    await queueDueReminders(new Date("2026-12-01T16:00:00Z"));
    expect(await weekly(near)).toEqual([]);

    const weekBefore = new Date("2026-12-07T16:00:00Z");
    await Promise.all([queueDueReminders(weekBefore), queueDueReminders(weekBefore)]);
    const [week] = await weekly(far);
    expect((await weekly(far)).map((e) => e.toAddress)).toEqual([patient.email]);
    expect(week!.subject).toMatch(/^In a week: your appointment with Flow Week, .*EST/);
    expect(week!.bodyText).toContain("free of charge until Sunday, December 13, 2026 at 10:00 AM Eastern Standard Time");

    await queueDueReminders(new Date("2026-12-13T16:00:00Z"));
    const [day] = (await emailsFor(far)).filter((e) => e.kind === "reminder");
    expect(day!.bodyText).toContain("can no longer be moved online");
    expect(await weekly(far)).toHaveLength(1);
  });

  it("sends no reminder to a patient who turned reminders off, and one once they turn them back on", async () => {
    const { providerUser, patient, book } = await setup("Flow Quiet");
    const id = await book(at(3, 10));
    await confirmBooking(providerUser, id, NOW);
    await saveNotificationSettings(patient, { bookingReminders: false, diaryReminders: false });
    const dayBefore = new Date("2026-12-02T16:00:00Z");
    await queueDueReminders(dayBefore);
    expect((await emailsFor(id)).filter((e) => e.kind === "reminder")).toEqual([]);
    expect(await notificationSettings(patient)).toEqual({ bookingReminders: false, diaryReminders: false });

    await saveNotificationSettings(patient, { bookingReminders: true, diaryReminders: false });
    await queueDueReminders(new Date(dayBefore.getTime() + 3_600_000));
    expect((await emailsFor(id)).filter((e) => e.kind === "reminder").map((e) => e.toAddress)).toEqual([patient.email]);
  });
});
