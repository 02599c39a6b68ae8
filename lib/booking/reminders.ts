import "server-only";
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, users } from "@/db/schema";
import { notifyReminder } from "@/lib/notifications/booking-emails";

export const REMINDER_HOURS = 24;

/**
 * Queues a reminder for every confirmed booking starting within the next 24 hours that has not
 * had one, unless its patient turned reminders off on /account (turned back on in time, the
 * reminder still comes). The claim (reminder_sent_at) and the queued email commit together, so however often
 * and however concurrently the scheduler calls, each booking is reminded once.
 */
export async function queueDueReminders(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .update(bookings)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(bookings.status, "confirmed"),
          isNull(bookings.reminderSentAt),
          gt(bookings.startsAt, now),
          lte(bookings.startsAt, new Date(now.getTime() + REMINDER_HOURS * 3_600_000)),
          inArray(bookings.patientId, tx.select({ id: users.id }).from(users).where(eq(users.bookingReminders, true))),
        ),
      )
      .returning({ id: bookings.id });
    for (const { id } of due) await notifyReminder(tx, id);
    return due.length;
  });
}
