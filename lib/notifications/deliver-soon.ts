import "server-only";
import { after } from "next/server";
import { log } from "@/lib/log/logger";
import { deliverOutbox } from "./outbox";

/**
 * Sends what the request queued once its response has gone out, so a slow mail server never slows
 * a click; whatever fails stays queued for the reminders cron's next run.
 */
export function deliverOutboxSoon(): void {
  after(async () => {
    try {
      await deliverOutbox();
    } catch (error) {
      log.error("email_delivery_failed", error);
    }
  });
}
