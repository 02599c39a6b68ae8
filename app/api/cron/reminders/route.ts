import { releaseAllLapsed } from "@/lib/booking/lapses";
import { cancelBookingsWithoutLicense } from "@/lib/booking/provider-side-cancel";
import { queueDueReminders } from "@/lib/booking/reminders";
import { queueDiaryReminders } from "@/lib/diary/reminders";
import { purgeExpiredRecords } from "@/lib/housekeeping/purge";
import { queueLicenseExpiryNotices } from "@/lib/notifications/provider-emails";
import { env } from "@/lib/env";
import { jsonRoute, problem } from "@/lib/http/json-route";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { processPendingRefunds } from "@/lib/payments/deposits";
import { queueNextVisitReminders } from "@/lib/treatments/reminders";
import { keepNextOpeningsAhead } from "@/lib/scheduling/next-openings";

// vercel.json gives this function 60 seconds; the steps that can wait stop with a margin to answer.
const RUN_MS = 50_000;

// Called by Vercel Cron (vercel.json), which sends "Authorization: Bearer <CRON_SECRET>".
export const GET = jsonRoute({ route: "/api/cron/reminders", cacheControl: "no-store" }, async ({ request }) => {
  const stopBy = performance.now() + RUN_MS;
  if (env.CRON_SECRET) {
    if (request.headers.get("authorization") !== `Bearer ${env.CRON_SECRET}`) return problem(401, "Not allowed.");
  } else if (env.NODE_ENV === "production") {
    return problem(503, "CRON_SECRET is not configured.");
  }
  const { holdsExpired, requestsLapsed } = await releaseAllLapsed();
  const unlicensedCancelled = await cancelBookingsWithoutLicense();
  const reminders = await queueDueReminders();
  const licenseNotices = await queueLicenseExpiryNotices();
  const diaryReminders = await queueDiaryReminders();
  const nextVisitReminders = await queueNextVisitReminders();
  // Also a safety net: refunds and emails a request queued but could not finish.
  const refunds = await processPendingRefunds();
  const delivery = await deliverOutbox();
  const purged = await purgeExpiredRecords();
  // After the lapses and cancellations above: searches recompute what they show anyway, and this
  // catches up every next opening left stale and computes the values the next hour brings, so no
  // search pays for them.
  const nextOpenings = await keepNextOpeningsAhead(new Date(), { stopBy });
  return Response.json({ reminders, holdsExpired, requestsLapsed, unlicensedCancelled, licenseNotices, diaryReminders, nextVisitReminders, refunds, ...delivery, purged, nextOpenings });
});
