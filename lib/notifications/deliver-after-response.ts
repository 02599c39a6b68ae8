import "server-only";
import { after } from "next/server";
import { deliverOutbox } from "./outbox";

/**
 * Sends queued emails once the response has gone out, so a slow mail server never slows a click.
 * Whatever fails stays queued; the reminders cron delivers it on its next run.
 */
export function deliverAfterResponse(): void {
  after(async () => {
    try {
      await deliverOutbox();
    } catch (error) {
      console.error("Email delivery failed; the messages stay queued.", error instanceof Error ? error.message : error);
    }
  });
}
