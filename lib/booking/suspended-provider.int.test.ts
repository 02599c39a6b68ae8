import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox, payments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { reinstateProvider, suspendProvider } from "@/lib/listing/moderation";
import { retryRefund } from "@/lib/payments/deposits";
import { bookingCalendarFile } from "./calendar";
import { getInboxBooking, getProviderInbox } from "./inbox";
import { createBooking } from "./queries";
import { cancelBooking, confirmBooking, declineBooking, markCompleted, markNoShow, proposeTime, SUSPENDED } from "./transitions";

// An admin's suspension closes a provider's requests, intakes and every booking action on the very
// next call, in lib/ itself (not only in the pages), cancels their upcoming bookings with full
// refunds, and reinstating opens them again.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();
const LATER = new Date("2026-12-10T12:00:00Z");

beforeAll(async () => {
  await seedReferenceData();
});

async function world() {
  const admin = await createUser("admin");
  const providerUser = await createUser("provider");
  const provider = await createProvider({ name: "Suspended Soon", provider: { userId: providerUser.id } });
  const patient = await createUser("patient");
  const book = async (start: string) => {
    const result = await createBooking(
      patient,
      { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake: validIntake({ symptoms: "PRIVATE" }) },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    return result.id;
  };
  const requested = await book(at(3, 10));
  const confirmed = await book(at(3, 11));
  const past = await book(at(3, 12));
  expect(await confirmBooking(providerUser, confirmed, NOW)).toMatchObject({ ok: true });
  expect(await confirmBooking(providerUser, past, NOW)).toMatchObject({ ok: true });
  // Suspended later, the three are past and stay as they were; suspended now, they are upcoming.
  const suspend = (when = NOW) => suspendProvider(admin, { providerId: provider.id, reason: "Complaint under review" }, when);
  return { admin, providerUser, provider, patient, requested, confirmed, past, suspend, book };
}

async function statuses(ids: string[]) {
  const db = await getDb();
  const rows = await db.select({ id: bookings.id, status: bookings.status }).from(bookings);
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}

describe("a suspended provider", () => {
  it("finds the inbox closed, with the reason, and no intake is opened or audited", async () => {
    const { providerUser, requested, suspend } = await world();
    expect((await getProviderInbox(providerUser, NOW)).requests).toHaveLength(1);
    await suspend();
    const db = await getDb();
    const reads = () => db.$count(auditEvents, and(eq(auditEvents.subjectId, requested), eq(auditEvents.action, "intake.read")));
    const readsBefore = await reads();
    expect(await getProviderInbox(providerUser, NOW)).toEqual({ suspension: { reason: "Complaint under review" }, requests: [], upcoming: [], past: [] });
    expect(await reads()).toBe(readsBefore);
  });

  it("cannot open any intake, nor download a calendar file", async () => {
    const { providerUser, requested, confirmed, suspend } = await world();
    expect(await getInboxBooking(providerUser, confirmed)).not.toBeNull();
    expect(await bookingCalendarFile(providerUser, confirmed)).not.toBeNull();
    await suspend();
    expect(await getInboxBooking(providerUser, confirmed)).toBeNull();
    expect(await getInboxBooking(providerUser, requested)).toBeNull();
    expect(await bookingCalendarFile(providerUser, confirmed)).toBeNull();
  });

  it("cannot confirm, decline, propose, complete, mark missed or cancel; nothing changes", async () => {
    const { providerUser, requested, confirmed, past, suspend } = await world();
    await suspend(LATER);
    const refused = { ok: false, error: SUSPENDED };
    expect(await confirmBooking(providerUser, requested, LATER)).toEqual(refused);
    expect(await declineBooking(providerUser, requested, "No", LATER)).toEqual(refused);
    expect(await proposeTime(providerUser, requested, "2026-12-14T10:00", "", LATER)).toEqual(refused);
    expect(await cancelBooking(providerUser, confirmed, "Closed", LATER)).toEqual(refused);
    expect(await markCompleted(providerUser, past, null, LATER)).toEqual(refused);
    expect(await markNoShow(providerUser, past, LATER)).toEqual(refused);
    // The request went unanswered past its time: it lapsed as the suspension swept the provider.
    expect(await statuses([requested, confirmed, past])).toEqual(["expired", "confirmed", "confirmed"]);
  });

  it("cannot retry a failed refund", async () => {
    const { providerUser, requested, suspend } = await world();
    const db = await getDb();
    const [payment] = await db.insert(payments).values({ bookingId: requested, amountCents: 1000, status: "refund_failed", paymentIntentId: "pi_x" }).returning({ id: payments.id });
    await suspend();
    expect(await retryRefund(providerUser, payment!.id, NOW)).toMatchObject({ ok: false });
    const [row] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, payment!.id));
    expect(row!.status).toBe("refund_failed");
  });

  it("cancels every upcoming booking as by the provider: deposits back in full, patients emailed other providers nearby", async () => {
    const { admin, patient, requested, confirmed, past, suspend } = await world();
    const db = await getDb();
    await db.insert(payments).values({ bookingId: confirmed, amountCents: 5000, status: "paid", paymentIntentId: "pi_suspended", paidAt: NOW });
    expect(await suspend()).toMatchObject({ ok: true, message: expect.stringContaining("3 upcoming bookings cancelled with full refunds") });
    expect(await statuses([requested, confirmed, past])).toEqual(["cancelled", "cancelled", "cancelled"]);
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.bookingId, confirmed));
    expect(payment!.status).toBe("refund_pending");
    const mail = await db.select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, confirmed), eq(emailOutbox.kind, "cancelled")));
    expect(mail.map((m) => m.toAddress)).toEqual([patient.email]);
    expect(mail[0]!.bodyText).toMatch(/no longer active on Relief Finder[^]*refunded in full[^]*\/providers\?near=10016/);
    expect(mail[0]!.bodyText).not.toContain("PRIVATE");
    const audit = await db.select({ actorId: auditEvents.actorId, details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, confirmed), eq(auditEvents.action, "booking.cancel")));
    expect(audit).toEqual([{ actorId: admin.id, details: { from: "confirmed", to: "cancelled", by: "provider", cause: "suspended" } }]);
  });

  it("gets everything back once reinstated", async () => {
    const { admin, providerUser, provider, book, suspend } = await world();
    await suspend();
    expect(await reinstateProvider(admin, { providerId: provider.id }, NOW)).toMatchObject({ ok: true });
    const again = await book(at(4, 10));
    expect((await getProviderInbox(providerUser, NOW)).requests.map((b) => b.id)).toEqual([again]);
    expect(await confirmBooking(providerUser, again, NOW)).toMatchObject({ ok: true });
  });
});
