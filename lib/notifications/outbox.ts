import "server-only";
import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env, isOutboxReadable, type Env } from "@/lib/env";
import { confirmationAttachment } from "@/lib/booking/calendar";
import { sendMail, type MailMessage } from "./mailer";

export type OutgoingEmail = { to: string; subject: string; body: string; html?: string; kind: string; bookingId?: string };

export const MAX_ATTEMPTS = 5;
const BATCH = 50;

/** Queues an email in the caller's transaction: it exists only if the change that caused it commits. */
export async function enqueueEmail(writer: Pick<Database, "insert">, email: OutgoingEmail): Promise<void> {
  await writer.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, bodyText: email.body, bodyHtml: email.html ?? null, kind: email.kind, bookingId: email.bookingId ?? null });
}

/**
 * Sends queued emails: over SMTP when SMTP_URL is set, otherwise they are marked delivered to the
 * dev outbox (/dev/outbox). Each row is claimed with SKIP LOCKED, so two instances delivering at
 * once never send one email twice. A failed send stays queued for the next run, up to 5 tries.
 */
export async function deliverOutbox(): Promise<{ sent: number; failed: number }> {
  const db = await getDb();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < BATCH; i++) {
    const delivered = await db.transaction(async (tx) => {
      const [next] = await tx
        .select()
        .from(emailOutbox)
        .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(emailOutbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!next) return null;
      try {
        const transport = env.SMTP_URL ? "smtp" : "dev-outbox";
        if (env.SMTP_URL) await sendMail(await outgoingMessage(next));
        await tx.update(emailOutbox).set({ sentAt: new Date(), transport, attempts: next.attempts + 1, lastError: null }).where(eq(emailOutbox.id, next.id));
        return true;
      } catch (error) {
        await tx
          .update(emailOutbox)
          .set({ attempts: next.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed" })
          .where(eq(emailOutbox.id, next.id));
        return false;
      }
    });
    if (delivered === null) break;
    if (delivered) sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Emails that carry the booking's calendar file. */
const WITH_CALENDAR_FILE = new Set(["confirmed"]);

/** A queued row as the mail server gets it: both parts, and the .ics for a confirmation. */
export async function outgoingMessage(row: Pick<typeof emailOutbox.$inferSelect, "toAddress" | "subject" | "bodyText" | "bodyHtml" | "kind" | "bookingId">): Promise<MailMessage> {
  const calendar = row.bookingId && WITH_CALENDAR_FILE.has(row.kind) ? await confirmationAttachment(row.bookingId) : null;
  return {
    to: row.toAddress,
    subject: row.subject,
    text: row.bodyText,
    ...(row.bodyHtml ? { html: row.bodyHtml } : {}),
    ...(calendar ? { attachments: [{ filename: calendar.filename, content: calendar.content, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }] } : {}),
  };
}

export type OutboxEntry = { id: string; to: string; subject: string; body: string; kind: string; createdAt: string; transport: string | null };

/** The newest queued emails, for the development outbox page. Refuses outside development and the demo. */
export async function listDevOutbox(limit = 100, source: Env = env): Promise<OutboxEntry[]> {
  if (!isOutboxReadable(source)) throw new Error("The dev outbox exists only in development and the demo.");
  const db = await getDb();
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      body: emailOutbox.bodyText,
      kind: emailOutbox.kind,
      createdAt: emailOutbox.createdAt,
      transport: emailOutbox.transport,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt), desc(sql`${emailOutbox.id}`))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
