import "server-only";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { deleteWaitlistsOf } from "@/lib/waitlist/entries";
import { getDb } from "@/db/client";
import {
  accountEmailRequests,
  accountTokens,
  authSessions,
  bookings,
  diaryEntries,
  diaryScores,
  emailOutbox,
  payments,
  providerPhotos,
  providers,
  reviewReports,
  reviews,
  signInAttempts,
  timeOff,
  treatmentIntervalOverrides,
  treatments,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { cancelBooking } from "@/lib/booking/transitions";
import { queueAccountDeletedEmail } from "@/lib/notifications/account-emails";
import { depositOutcome } from "@/lib/payments/refund-policy";

// "Delete my account" (DELETE /api/account and /account/delete). Upcoming bookings are cancelled
// first, through the same transition as a cancel button, so refunds and emails follow each
// provider's policy (a patient) or refund in full (a provider). Then, in one transaction, what
// identifies the person goes: name, email and password, intakes and notes (their ciphertext
// overwritten: nothing is left to decrypt, whoever holds the key), the diary, reviews, photos, tokens,
// sessions and sign-in records. Rows that must stay (bookings for the other side's records,
// payments, the audit log) keep only the account's id, which no longer leads to anyone. The email
// address is free to sign up again.

export const DESTROYED_CIPHERTEXT = "destroyed";
const CLOSABLE = ["patient", "provider"] as const;
const OPEN = ["requested", "pending_payment", "confirmed"] as const;

export type UpcomingBooking = { id: string; providerName: string; startsAt: string; timeZone: string; depositCents: number; depositPaid: boolean; deposit: "refunded" | "kept" | "none" };

/** What deleting would cancel, and what happens to each deposit: said before anyone confirms. */
export async function deletionPreview(user: CurrentUser, now: Date = new Date()): Promise<UpcomingBooking[]> {
  assertRole(user, CLOSABLE, "delete an account");
  const db = await getDb();
  const own = user.role === "patient" ? eq(bookings.patientId, user.id) : inArray(bookings.providerId, db.select({ id: providers.id }).from(providers).where(eq(providers.userId, user.id)));
  const rows = await db
    .select({ booking: bookings, providerName: providers.name, paymentStatus: payments.status })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    // A waitlist hold is not a booking: it goes with the waitlists (lib/waitlist/entries.ts).
    .where(and(own, inArray(bookings.status, [...OPEN]), eq(bookings.waitlistHold, false), gt(bookings.startsAt, now)))
    .orderBy(asc(bookings.startsAt));
  return rows.map(({ booking: b, providerName, paymentStatus }) => {
    const paid = paymentStatus === "paid";
    const outcome = depositOutcome({ action: "cancel", by: user.role === "patient" ? "patient" : "provider", startsAt: b.startsAt, now, cancellationWindowHours: b.cancellationWindowHours });
    return {
      id: b.id,
      providerName,
      startsAt: b.startsAt.toISOString(),
      timeZone: b.timeZone,
      depositCents: b.depositCents,
      depositPaid: paid,
      deposit: !paid ? "none" : outcome === "refund" ? "refunded" : "kept",
    };
  });
}

export type DeletionResult =
  | { ok: true; bookingsCancelled: number }
  | { ok: false; reason: "wrong_password" | "busy" | "suspended" | "not_closable"; message: string }
  | { ok: false; reason: "locked"; retryAfterMinutes: number; message: string };

export async function deleteAccount(
  user: CurrentUser,
  input: { password: string; ip: string },
  { now = new Date(), sleep }: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<DeletionResult> {
  if (!(CLOSABLE as readonly string[]).includes(user.role)) {
    return { ok: false, reason: "not_closable", message: "An admin account is closed by another admin, so the audit trail keeps who can act." };
  }
  const checked = await attemptSignIn({ email: user.email, password: input.password, ip: input.ip }, { now, sleep });
  if (!checked.ok) {
    if (checked.reason === "locked") return { ok: false, reason: "locked", retryAfterMinutes: checked.retryAfterMinutes, message: `Too many attempts. Try again in ${checked.retryAfterMinutes} minutes.` };
    if (checked.reason === "busy") return { ok: false, reason: "busy", message: "We are busy right now. Try again in a few seconds." };
    return { ok: false, reason: "wrong_password", message: "That is not your password. Nothing was changed." };
  }
  const db = await getDb();
  const [provider] = user.role === "provider" ? await db.select({ id: providers.id, suspendedAt: providers.suspendedAt }).from(providers).where(eq(providers.userId, user.id)) : [];
  // A suspended listing's bookings cannot be changed (lib/booking/transitions.ts), so they could
  // not be cancelled and refunded: an admin closes such an account.
  if (provider?.suspendedAt) return { ok: false, reason: "suspended", message: "Your listing is suspended, so its bookings cannot be cancelled from here. Contact us to close the account." };

  const upcoming = await deletionPreview(user, now);
  const reason = user.role === "patient" ? "The patient closed their Relief Finder account." : "The provider closed their Relief Finder account.";
  let cancelled = 0;
  for (const booking of upcoming) {
    if ((await cancelBooking(user, booking.id, reason, now)).ok) cancelled++;
  }

  await scheduleTransaction(db, now, async (tx) => {
    if (user.role === "patient") {
      await deleteWaitlistsOf(tx, user.id, now);
      await tx
        .update(bookings)
        .set({ intakeCiphertext: DESTROYED_CIPHERTEXT, declineReasonCiphertext: null, cancelReasonCiphertext: null, proposalNoteCiphertext: null })
        .where(eq(bookings.patientId, user.id));
      // Treatment dates stay with the booking, for the provider's record; what was given goes.
      await tx.update(treatments).set({ detailsCiphertext: DESTROYED_CIPHERTEXT }).where(eq(treatments.patientId, user.id));
      await tx.update(treatmentIntervalOverrides).set({ reasonCiphertext: DESTROYED_CIPHERTEXT }).where(eq(treatmentIntervalOverrides.patientId, user.id));
      await tx.delete(diaryEntries).where(eq(diaryEntries.patientId, user.id));
      await tx.delete(diaryScores).where(eq(diaryScores.patientId, user.id));
      // A review is the patient's own words; the provider's rating is recounted by its trigger.
      await tx.delete(reviews).where(eq(reviews.patientId, user.id));
    }
    if (provider) {
      await tx.delete(providerPhotos).where(eq(providerPhotos.providerId, provider.id));
      await tx.update(timeOff).set({ note: "" }).where(eq(timeOff.providerId, provider.id));
      // Leaves search by the listing's own trigger; the slug no longer carries the name.
      await tx
        .update(providers)
        .set({ name: "Former provider", slug: `former-provider-${provider.id}`, bio: "", photoUrl: null, listingStatus: "draft", updatedAt: now })
        .where(eq(providers.id, provider.id));
    }
    const email = user.email.toLowerCase();
    await tx.delete(accountTokens).where(eq(accountTokens.userId, user.id));
    await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    await tx.delete(signInAttempts).where(eq(signInAttempts.email, email));
    await tx.delete(accountEmailRequests).where(eq(accountEmailRequests.email, email));
    await tx.update(reviewReports).set({ reporterId: null }).where(eq(reviewReports.reporterId, user.id));
    // Mail already sent stays until the purge; mail not yet sent to the address goes now.
    await tx.delete(emailOutbox).where(and(eq(emailOutbox.toAddress, user.email), isNull(emailOutbox.sentAt)));
    await tx
      .update(users)
      .set({ name: "Deleted account", email: `deleted-${user.id}@deleted.invalid`, passwordHash: "!deleted", status: "deleted", mustChangePassword: false })
      .where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: "account.deleted", subjectType: "user", subjectId: user.id, details: { role: user.role, bookingsCancelled: cancelled } });
    await queueAccountDeletedEmail(tx, user.email, now);
  });
  return { ok: true, bookingsCancelled: cancelled };
}
