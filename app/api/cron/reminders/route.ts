import { NextResponse, type NextRequest } from "next/server";
import { queueDueReminders } from "@/lib/booking/reminders";
import { env } from "@/lib/env";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { processPendingRefunds } from "@/lib/payments/deposits";

// Called by Vercel Cron (vercel.json), which sends "Authorization: Bearer <CRON_SECRET>".
export async function GET(request: NextRequest) {
  if (env.CRON_SECRET) {
    if (request.headers.get("authorization") !== `Bearer ${env.CRON_SECRET}`) {
      return NextResponse.json({ error: { message: "Not allowed." } }, { status: 401 });
    }
  } else if (env.NODE_ENV === "production") {
    return NextResponse.json({ error: { message: "CRON_SECRET is not configured." } }, { status: 503 });
  }
  const reminders = await queueDueReminders();
  // Also a safety net: refunds and emails a request queued but could not finish.
  const refunds = await processPendingRefunds();
  const delivery = await deliverOutbox();
  return NextResponse.json({ reminders, refunds, ...delivery }, { headers: { "Cache-Control": "no-store" } });
}
