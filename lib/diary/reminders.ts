import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { compose } from "@/lib/notifications/account-emails";
import { enqueueEmail } from "@/lib/notifications/outbox";

// The optional daily diary reminder (notification settings), from the daily cron. The day is the
// UTC date the cron runs on: accounts have no time zone, and the cron runs once a day. A patient
// who has an entry for that day or the one before is not reminded; nobody gets two in a day,
// however often the cron runs, because the claim (diary_reminded_on) and the email commit together.

export async function queueDiaryReminders(now: Date = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await executeRows<{ email: string }>(sql`
      update users u set diary_reminded_on = ${today}::date
      where u.role = 'patient' and u.status = 'active' and u.diary_reminders
        and (u.diary_reminded_on is null or u.diary_reminded_on < ${today}::date)
        and not exists (select 1 from diary_entries e where e.patient_id = u.id and e.day >= ${today}::date - 1)
      returning u.email`, tx);
    for (const { email } of rows) {
      // Says nothing about pain or headaches: a subject line shows on a lock screen.
      await enqueueEmail(
        tx,
        compose(email, {
          kind: "diary_reminder",
          subject: "Your daily Relief Finder check-in",
          paragraphs: ["A reminder to add today's entry. It takes a few taps, and missed days can be filled in from the calendar."],
          action: { label: "Add today's entry", path: "/patient/diary" },
          after: ["You asked for this email. Turn it off under Notifications on your account page."],
        }),
      );
    }
    return rows.length;
  });
}
