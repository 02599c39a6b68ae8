import "server-only";
import type { Database } from "@/db/client";
import { auditEvents, type NewAuditEvent } from "@/db/schema";

export type AuditEntry = Pick<NewAuditEvent, "actorId" | "action" | "subjectType" | "subjectId" | "details">;

type Writer = Pick<Database, "insert">;

/**
 * Appends one audit row. Pass the transaction that makes the change, so the change and its record
 * commit together or not at all. Details must never hold health information.
 */
export async function recordAudit(writer: Writer, entry: AuditEntry): Promise<void> {
  await writer.insert(auditEvents).values(entry);
}

/** Appends several audit rows in one statement (one per intake opened on an inbox page, say). */
export async function recordAudits(writer: Writer, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await writer.insert(auditEvents).values(entries);
}
