import { and, eq, inArray } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE } from "@/app/api/account/route";
import { getDb } from "@/db/client";
import { auditEvents, bookings, diaryEntries, emailOutbox, payments, providers, reviews, searchEntries, treatments, users } from "@/db/schema";
import { sealTreatment } from "@/lib/treatments/records";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session-store";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { actAs } from "@/lib/auth/testing/acting-user";
import { createBooking } from "@/lib/booking/queries";
import { saveDiaryEntry } from "@/lib/diary/entries";
import { startDepositCheckout } from "@/lib/payments/deposits";
import { checkoutEvent } from "@/lib/payments/test-mode";
import { processWebhook } from "@/lib/payments/webhook";
import { DESTROYED_CIPHERTEXT, deleteAccount, deletionPreview } from "./delete";

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const PASSWORD = "my account password";
const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();
const minutesLater = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const noWait = { sleep: async () => {} };
let n = 0;

beforeAll(async () => {
  await seedReferenceData();
});
afterEach(() => actAs(null));

async function person(role: "patient" | "provider"): Promise<SessionUser> {
  const email = `leaving${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await createAccount({ name: `Lee Leaving ${n}`, email, password: PASSWORD, role }, { verified: true });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, email, name: `Lee Leaving ${n}`, role, mustChangePassword: false };
}

async function clinic(providerUser?: SessionUser) {
  return createProvider({
    name: `Dr. Window ${++n}`,
    provider: { cancellationWindowHours: 24, ...(providerUser ? { userId: providerUser.id } : {}) },
    appointmentTypes: [{ name: "Consultation", depositCents: 5_000 }],
  });
}

async function paidBooking(patient: SessionUser, provider: Awaited<ReturnType<typeof clinic>>, start: string) {
  const booked = await createBooking(patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake: validIntake({ symptoms: "LEAVING-CANARY" }) }, NOW);
  if (!booked.ok) throw new Error(booked.message);
  const checkout = await startDepositCheckout(patient, booked.id, NOW);
  if (!checkout.ok) throw new Error(checkout.error);
  const event = checkoutEvent("pay", { bookingId: booked.id, sessionId: `cs_test_local_${booked.id}`, amountCents: 5_000, currency: "usd" }, minutesLater(NOW, 5));
  expect((await processWebhook(event.payload, event.signature, minutesLater(NOW, 5))).status).toBe(200);
  // Confirmed by the clinic: left unanswered, the request would lapse before the deletions below.
  await (await getDb()).update(bookings).set({ status: "confirmed" }).where(eq(bookings.id, booked.id));
  return booked.id;
}

async function bookingRows(ids: string[]) {
  const db = await getDb();
  return db
    .select({ id: bookings.id, status: bookings.status, intake: bookings.intakeCiphertext, cancelledBy: bookings.cancelledBy, payment: payments.status })
    .from(bookings)
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    .where(inArray(bookings.id, ids));
}

describe("a patient deleting their account", () => {
  it("with a wrong password changes nothing", async () => {
    const patient = await person("patient");
    const provider = await clinic();
    const id = await paidBooking(patient, provider, at(7, 10));
    expect(await deleteAccount(patient, { password: "not my password", ip: "198.51.100.7" }, { now: NOW, ...noWait })).toMatchObject({ ok: false, reason: "wrong_password" });
    expect((await bookingRows([id]))[0]).toMatchObject({ status: "confirmed", payment: "paid" });
    expect((await attemptSignIn({ email: patient.email, password: PASSWORD, ip: "198.51.100.8" }, noWait)).ok).toBe(true);
  });

  it("cancels upcoming bookings under each policy, destroys intakes and the diary, keeps payments and audit rows pseudonymous, and frees the address", async () => {
    const patient = await person("patient");
    const provider = await clinic();
    const soon = await paidBooking(patient, provider, at(2, 10)); // 27 hours after NOW
    const later = await paidBooking(patient, provider, at(7, 10));
    const db0 = await getDb();
    await db0.insert(reviews).values({ providerId: provider.id, patientId: patient.id, rating: 4, text: "REVIEW-CANARY" });
    await saveDiaryEntry(patient, { date: "2026-11-30", headache: true, migraine: true, pain: 7, hours: 5, acuteMedicine: true, medicines: [], note: "private" });
    // A treatment record (on one of the bookings, which only needs to exist for it).
    await db0.insert(treatments).values({ bookingId: soon, patientId: patient.id, providerId: provider.id, treatedOn: "2026-09-01", detailsCiphertext: sealTreatment(soon, { product: "botox", units: 155, regions: "forehead", lot: "" }) });
    // A day later the first is inside its 24-hour window: its deposit is kept, the other's refunded.
    const deleteAt = minutesLater(NOW, 24 * 60);
    const preview = await deletionPreview(patient, deleteAt);
    expect(preview.map((b) => [b.id, b.deposit])).toEqual([
      [soon, "kept"],
      [later, "refunded"],
    ]);

    expect(await deleteAccount(patient, { password: PASSWORD, ip: "198.51.100.9" }, { now: deleteAt, ...noWait })).toEqual({ ok: true, bookingsCancelled: 2 });
    const rows = await bookingRows([soon, later]);
    expect(rows.find((r) => r.id === soon)).toMatchObject({ status: "cancelled", cancelledBy: "patient", payment: "kept", intake: DESTROYED_CIPHERTEXT });
    expect(rows.find((r) => r.id === later)).toMatchObject({ status: "cancelled", cancelledBy: "patient", payment: "refund_pending", intake: DESTROYED_CIPHERTEXT });

    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, patient.id));
    expect(row).toMatchObject({ status: "deleted", name: "Deleted account" });
    expect(JSON.stringify(row)).not.toContain(patient.email);
    expect(await db.select().from(diaryEntries).where(eq(diaryEntries.patientId, patient.id))).toEqual([]);
    expect(await db.select().from(reviews).where(eq(reviews.patientId, patient.id))).toEqual([]);
    expect(await db.select({ details: treatments.detailsCiphertext }).from(treatments).where(eq(treatments.patientId, patient.id))).toEqual([{ details: DESTROYED_CIPHERTEXT }]);
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, "account.deleted")))).length).toBe(1);
    // The provider was told about both cancellations; the patient gets only the goodbye.
    const mail = await db.select({ to: emailOutbox.toAddress, kind: emailOutbox.kind }).from(emailOutbox).where(eq(emailOutbox.toAddress, patient.email));
    expect(mail.map((m) => m.kind)).toEqual(["account_deleted"]);

    expect((await attemptSignIn({ email: patient.email, password: PASSWORD, ip: "198.51.100.10" }, noWait)).ok).toBe(false);
    expect(await createAccount({ name: "Lee Again", email: patient.email, password: PASSWORD, role: "patient" })).toMatchObject({ ok: true });
  });
});

describe("a provider deleting their account", () => {
  it("cancels upcoming bookings with full refunds, emails the patients, and takes the listing out of search", async () => {
    const providerUser = await person("provider");
    const provider = await clinic(providerUser);
    const patient = await person("patient");
    const id = await paidBooking(patient, provider, at(2, 10));
    const db = await getDb();
    expect((await db.select().from(searchEntries).where(eq(searchEntries.providerId, provider.id))).length).toBeGreaterThan(0);

    const deleteAt = minutesLater(NOW, 24 * 60);
    expect(await deleteAccount(providerUser, { password: PASSWORD, ip: "198.51.100.11" }, { now: deleteAt, ...noWait })).toEqual({ ok: true, bookingsCancelled: 1 });
    expect((await bookingRows([id]))[0]).toMatchObject({ status: "cancelled", cancelledBy: "provider", payment: "refund_pending" });
    // The patient's intake is the patient's: it stays for them.
    expect((await bookingRows([id]))[0]!.intake).not.toBe(DESTROYED_CIPHERTEXT);
    expect(await db.select().from(searchEntries).where(eq(searchEntries.providerId, provider.id))).toEqual([]);
    const [listing] = await db.select({ name: providers.name, status: providers.listingStatus }).from(providers).where(eq(providers.id, provider.id));
    expect(listing).toEqual({ name: "Former provider", status: "draft" });
    const patientMail = await db.select({ kind: emailOutbox.kind }).from(emailOutbox).where(and(eq(emailOutbox.toAddress, patient.email), eq(emailOutbox.bookingId, id)));
    expect(patientMail.map((m) => m.kind)).toContain("cancelled");
  });
});

describe("DELETE /api/account", () => {
  const call = (body: unknown) => DELETE(new NextRequest("http://localhost/api/account", { method: "DELETE", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

  it("answers 401 to nobody, 400 without a password, 403 for a wrong one or an admin, 200 once deleted", async () => {
    expect((await call({ password: PASSWORD })).status).toBe(401);
    const patient = await person("patient");
    await actAs(patient);
    expect((await call({})).status).toBe(400);
    const wrong = await call({ password: "a wrong password" });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("wrong_password");
    const done = await call({ password: PASSWORD });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ deleted: true, bookingsCancelled: 0 });
    // The session went with the account.
    expect((await call({ password: PASSWORD })).status).toBe(401);

    await actAs(await createUser("admin"));
    const admin = await call({ password: "whatever it is" });
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.code).toBe("not_closable");
  });
});
