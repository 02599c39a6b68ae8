import "server-only";
import { after } from "next/server";
import { log } from "@/lib/log/logger";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { processPendingRefunds } from "@/lib/payments/deposits";

/**
 * Once the response has gone out: make the refunds and send the emails that a booking change
 * queued. Whatever fails stays queued (refunds as refund_failed, visible for a retry; emails for
 * the reminders cron's next run), so a slow payment or mail server never slows a click.
 */
export function afterBookingChange(): void {
  after(async () => {
    try {
      await processPendingRefunds();
    } catch (error) {
      // The refunds stay pending for the next run.
      log.error("refunds_failed", error);
    }
    try {
      await deliverOutbox();
    } catch (error) {
      // The messages stay queued for the next run.
      log.error("email_delivery_failed", error);
    }
  });
}
