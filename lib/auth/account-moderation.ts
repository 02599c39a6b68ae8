import "server-only";
import { and, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { providers, users } from "@/db/schema";
import { cancelProviderSide } from "@/lib/booking/provider-side-cancel";
import { recordAudit } from "@/lib/audit/record";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import type { Role } from "./accounts";
import { assertRole } from "./authorize";
import type { CurrentUser } from "./session";
import { revokeUserSessions } from "./session-store";

// Admins disable a patient's or provider's account and enable it again. Disabled ("suspended" in
// users.status), the account's sessions end in the same transaction and it cannot sign in; a
// provider's listing is suspended with it, so nobody books someone who cannot answer. Enabling
// restores sign-in only: old sessions stay ended, and a listing stays suspended until an admin
// reinstates it on /admin/providers. Admin accounts are not disabled here: they come from, and are
// answered for by, whoever runs `npm run admin:create`, and one admin must not be able to lock out
// the others.

export type AccountModerationResult = { ok: true; message: string } | { ok: false; error: string };

export type AdminAccountRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "suspended" | "deleted";
  createdAt: string;
  /** When and why it was disabled, from the audit log (null inside when the log has no record); null unless disabled. */
  disabled: { at: string | null; reason: string | null } | null;
};

export const ACCOUNTS_PAGE_SIZE = 25;
const MODERATED_ROLES = ["patient", "provider"] as const;

/** Accounts whose email contains `query`, disabled ones first, for the admin's accounts page. */
export async function searchAccountsForAdmin(admin: CurrentUser, { query = "", page = 1 }: { query?: string; page?: number }): Promise<{ rows: AdminAccountRow[]; total: number }> {
  assertRole(admin, ["admin"], "only admins list accounts");
  // Control characters cannot be in an email, and PostgreSQL refuses a NUL byte or a lone
  // surrogate in a parameter: a search for one finds what the rest of the text finds.
  const text = query.replace(/[\u0000-\u001f\u007f]/g, "").toWellFormed().trim().toLowerCase();
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const offset = (Math.max(1, page) - 1) * ACCOUNTS_PAGE_SIZE;
  const rows = await executeRows<Omit<AdminAccountRow, "disabled"> & { disabledAt: string | null; disabledReason: string | null; total: number }>(sql`
    select u.id, u.email, u.name, u.role, u.status, u.created_at as "createdAt",
      d.created_at as "disabledAt", d.reason as "disabledReason", count(*) over ()::int as total
    from users u
    left join lateral (
      select a.created_at, a.details->>'reason' as reason
      from audit_events a
      where u.status = 'suspended' and a.subject_type = 'user' and a.subject_id = u.id::text and a.action = 'account.disabled'
      order by a.id desc
      limit 1
    ) d on true
    where lower(u.email) like ${pattern}
    order by u.status = 'suspended' desc, lower(u.email), u.id
    limit ${ACCOUNTS_PAGE_SIZE} offset ${offset}`);
  return {
    rows: rows.map(({ total, disabledAt, disabledReason, ...r }) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      disabled: r.status === "suspended" ? { at: disabledAt ? new Date(disabledAt).toISOString() : null, reason: disabledReason } : null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

const notYou = (admin: CurrentUser, userId: string) => (userId === admin.id ? "You cannot disable or enable your own account." : null);

export async function disableAccount(admin: CurrentUser, input: { userId: string; reason: string }, now: Date = new Date()): Promise<AccountModerationResult> {
  assertRole(admin, ["admin"], "only admins disable accounts");
  const self = notYou(admin, input.userId);
  if (self) return { ok: false, error: self };
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<AccountModerationResult> => {
    const [account] = await tx
      .update(users)
      .set({ status: "suspended" })
      .where(and(eq(users.id, input.userId), eq(users.status, "active"), inArray(users.role, [...MODERATED_ROLES]), ne(users.id, admin.id)))
      .returning({ name: users.name, role: users.role });
    if (!account) return { ok: false, error: "This account is already disabled, is an admin's, or no longer exists. Reload the page." };
    const sessionsEnded = await revokeUserSessions(tx, input.userId, now);
    await recordAudit(tx, { actorId: admin.id, action: "account.disabled", subjectType: "user", subjectId: input.userId, details: { reason: input.reason, sessionsEnded } });
    const [listing] = await tx
      .update(providers)
      .set({ suspendedAt: now, suspensionReason: "Account disabled", updatedAt: now })
      .where(and(eq(providers.userId, input.userId), isNull(providers.suspendedAt)))
      .returning({ id: providers.id });
    if (listing) {
      await recordAudit(tx, { actorId: admin.id, action: "provider.suspended", subjectType: "provider", subjectId: listing.id, details: { reason: "Account disabled" } });
      await cancelProviderSide(tx, { providerId: listing.id, cause: "suspended", actorId: admin.id }, now);
    }
    return { ok: true, message: `${account.name}'s account is disabled and signed out everywhere${listing ? "; their listing is suspended" : ""}.` };
  });
}

export async function enableAccount(admin: CurrentUser, input: { userId: string }): Promise<AccountModerationResult> {
  assertRole(admin, ["admin"], "only admins enable accounts");
  const self = notYou(admin, input.userId);
  if (self) return { ok: false, error: self };
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<AccountModerationResult> => {
    const [account] = await tx
      .update(users)
      .set({ status: "active" })
      .where(and(eq(users.id, input.userId), eq(users.status, "suspended"), inArray(users.role, [...MODERATED_ROLES])))
      .returning({ name: users.name, role: users.role });
    if (!account) return { ok: false, error: "This account is not disabled. Reload the page." };
    await recordAudit(tx, { actorId: admin.id, action: "account.enabled", subjectType: "user", subjectId: input.userId, details: {} });
    const [listing] = await tx.select({ id: providers.id }).from(providers).where(and(eq(providers.userId, input.userId), isNotNull(providers.suspendedAt)));
    return { ok: true, message: `${account.name} can sign in again.${listing ? " Their listing stays suspended until you reinstate it under Providers." : ""}` };
  });
}
