import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { notLapsed } from "@/lib/booking/held";
import { compose } from "@/lib/notifications/account-emails";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { formatDate } from "@/lib/ui/format";
import { addDays } from "@/lib/ui/time-zone";
import { INTERVAL_DAYS, reminderWindow } from "./interval";

// Around day 70 of a cycle the patient is emailed to book the next treatment, from the cron. Once
// per cycle: the claim (next_visit_reminded_at on the treatment) and the email commit together, so
// running the cron twice, or twice at once, sends one. Only the patient's latest treatment counts,
// and not when a treatment is already booked. The email names no product, condition or treatment:
// "your next visit", the provider, the date it can be from, and a link to their profile.

export async function queueNextVisitReminders(now: Date = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const { from, to } = reminderWindow(today);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await executeRows<{ email: string; providerName: string; providerSlug: string; treatedOn: string }>(
      sql`
      with due as (
        update treatments t set next_visit_reminded_at = ${now.toISOString()}::timestamptz
        from users u
        where u.id = t.patient_id and u.status = 'active'
          and t.next_visit_reminded_at is null
          and t.treated_on between ${from}::date and ${to}::date
          and not exists (select 1 from treatments later where later.patient_id = t.patient_id and later.treated_on > t.treated_on)
          and not exists (
            select 1 from bookings b join appointment_types a on a.id = b.appointment_type_id
            where b.patient_id = t.patient_id and a.kind = 'treatment' and b.starts_at > ${now.toISOString()}::timestamptz
              and b.status in ('pending_payment', 'requested', 'confirmed') and ${notLapsed(now, "b")})
        returning u.email, t.provider_id, to_char(t.treated_on, 'YYYY-MM-DD') as treated_on
      )
      select due.email, p.name as "providerName", p.slug as "providerSlug", due.treated_on as "treatedOn" from due join providers p on p.id = due.provider_id`,
      tx,
    );
    for (const row of rows) {
      await enqueueEmail(
        tx,
        compose(row.email, {
          kind: "next_visit_reminder",
          subject: "Time to book your next visit",
          paragraphs: [
            `Your next visit with ${row.providerName} can be booked for ${formatDate(addDays(row.treatedOn, INTERVAL_DAYS))} or later (the clinic's date).`,
            "Booking a few weeks ahead gives you the best choice of times.",
          ],
          action: { label: `See ${row.providerName}'s free times`, path: `/providers/${encodeURIComponent(row.providerSlug)}` },
        }),
      );
    }
    return rows.length;
  });
}
