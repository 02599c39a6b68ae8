import "server-only";
import { sql } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";

export type AuditRow = {
  id: number;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  createdAt: string;
  actor: { name: string; email: string; role: string } | null;
};

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log, newest first, for admins. Paged by id (keyset) so deep pages stay one index scan;
 * `action` narrows to one kind of event, such as "license.verified", or a prefix such as "license.".
 */
export async function getAuditLog(
  admin: CurrentUser,
  { beforeId, action }: { beforeId?: number; action?: string } = {},
): Promise<{ rows: AuditRow[]; nextBeforeId: number | null }> {
  assertRole(admin, ["admin"], "only admins read the audit log");
  const actionFilter = action ? (action.endsWith(".") ? sql`and a.action like ${`${action}%`}` : sql`and a.action = ${action}`) : sql``;
  const before = beforeId ? sql`and a.id < ${beforeId}` : sql``;
  const rows = await executeRows<AuditRow>(sql`
    select a.id::int as id, a.action, a.subject_type as "subjectType", a.subject_id as "subjectId", a.details,
      a.created_at as "createdAt",
      case when u.id is null then null else json_build_object('name', u.name, 'email', u.email, 'role', u.role) end as actor
    from audit_events a
    left join users u on u.id = a.actor_id
    where true ${before} ${actionFilter}
    order by a.id desc
    limit ${AUDIT_PAGE_SIZE + 1}`);
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  return { rows: page, nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null };
}
