import "server-only";
import { and, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailOutbox, signInAttempts, waitlistEntries } from "@/db/schema";
import { MAX_ATTEMPTS } from "@/lib/notifications/outbox";

// What the daily cron deletes because keeping it would only add risk. The privacy page states
// these periods; change them together.

/** A sent email's links (sign-in, reset, verification) are secrets while they work: 3 days covers every link's life. */
export const SENT_MAIL_DAYS = 3;
/** An email that could not be sent after every try is kept a week for someone to see why. */
export const FAILED_MAIL_DAYS = 7;
/** Sign-in attempts (email, network address, outcome): the lockout reads 15 minutes; a day is kept for abuse reports. */
export const SIGN_IN_ATTEMPT_DAYS = 1;

/**
 * A waitlist the patient left, booked from, or whose days passed: 30 days, for the patient and the
 * provider to see what happened; then it and the times held from it (its offers) go.
 */
export const ENDED_WAITLIST_DAYS = 30;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export async function purgeExpiredRecords(now: Date = new Date()): Promise<{ emails: number; signInAttempts: number; waitlists: number }> {
  const db = await getDb();
  const emails = await db
    .delete(emailOutbox)
    .where(
      or(
        and(isNotNull(emailOutbox.sentAt), lt(emailOutbox.sentAt, daysBefore(now, SENT_MAIL_DAYS))),
        and(isNull(emailOutbox.sentAt), gte(emailOutbox.attempts, MAX_ATTEMPTS), lt(emailOutbox.createdAt, daysBefore(now, FAILED_MAIL_DAYS))),
      ),
    )
    .returning({ id: emailOutbox.id });
  const attempts = await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, daysBefore(now, SIGN_IN_ATTEMPT_DAYS))).returning({ id: signInAttempts.id });
  // Offers go with their entry (on delete cascade); a booking claimed from one keeps its own row.
  const waitlists = await db.delete(waitlistEntries).where(lt(waitlistEntries.endedAt, daysBefore(now, ENDED_WAITLIST_DAYS))).returning({ id: waitlistEntries.id });
  return { emails: emails.length, signInAttempts: attempts.length, waitlists: waitlists.length };
}
