import "server-only";
import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, users } from "@/db/schema";
import { notifyReminder, type ReminderKind } from "@/lib/notifications/booking-emails";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";

export const REMINDER_HOURS = 24;
export const WEEK_REMINDER_DAYS = 7;
/** Closer than this, the week's reminder would arrive beside the day-before one: it is skipped. */
const WEEK_REMINDER_LATEST_HOURS = 48;

const HOUR = 3_600_000;

/**
 * Queues the reminders due now for confirmed bookings, unless the patient turned reminders off on
 * /account (turned back on in time, the reminder still comes): a week ahead for a booking made
 * further ahead than that (up to two days before; later the day-before one suffices), and a day
 * ahead for every booking. Each claim (its *_sent_at column) commits with its queued email, so
 * however often and however concurrently the scheduler calls, each is sent once; moving a booking
 * clears both.
 */
export async function queueDueReminders(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx) => {
    const wanted = inArray(bookings.patientId, tx.select({ id: users.id }).from(users).where(eq(users.bookingReminders, true)));
    const week = await tx
      .update(bookings)
      .set({ weekReminderSentAt: now })
      .where(
        and(
          eq(bookings.status, "confirmed"),
          isNull(bookings.weekReminderSentAt),
          gt(bookings.startsAt, new Date(now.getTime() + WEEK_REMINDER_LATEST_HOURS * HOUR)),
          lte(bookings.startsAt, new Date(now.getTime() + WEEK_REMINDER_DAYS * 24 * HOUR)),
          sql`coalesce(${bookings.requestedAt}, ${bookings.createdAt}) <= ${bookings.startsAt} - make_interval(days => ${WEEK_REMINDER_DAYS}::int)`,
          wanted,
        ),
      )
      .returning({ id: bookings.id });
    const day = await tx
      .update(bookings)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(bookings.status, "confirmed"),
          isNull(bookings.reminderSentAt),
          gt(bookings.startsAt, now),
          lte(bookings.startsAt, new Date(now.getTime() + REMINDER_HOURS * HOUR)),
          wanted,
        ),
      )
      .returning({ id: bookings.id });
    const due: [string, ReminderKind][] = [...week.map((b): [string, ReminderKind] => [b.id, "week"]), ...day.map((b): [string, ReminderKind] => [b.id, "day"])];
    for (const [id, kind] of due) await notifyReminder(tx, id, kind, now);
    return due.length;
  });
}
