import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { providers } from "@/db/schema";
import { cancelProviderSide } from "@/lib/booking/provider-side-cancel";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { pluralize } from "@/lib/ui/format";
import { queueReinstatedEmail, queueSuspendedEmail } from "@/lib/notifications/provider-emails";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { listedProvider, trustDate } from "@/lib/licensing/trust";

// Admins suspend a provider (out of search and booking at once, whatever their licenses say) and
// reinstate them. Their requests, intakes and every booking action close at once too: the data
// layer refuses a suspended provider (lib/booking/ownership.ts, lib/booking/inbox.ts). The account
// keeps signing in, so the provider can read why and fix their licenses; an admin who wants them
// out entirely disables the account.

export type ModerationResult = { ok: true; message: string } | { ok: false; error: string };

export type AdminProviderRow = {
  id: string;
  slug: string;
  name: string;
  credentials: string;
  email: string | null;
  listingStatus: "draft" | "published";
  suspendedAt: string | null;
  suspensionReason: string | null;
  listed: boolean;
  pendingLicenses: number;
};

export const ADMIN_PAGE_SIZE = 25;

/** Providers whose name, slug or account email contains `query`, for the admin's providers page. */
export async function searchProvidersForAdmin(
  admin: CurrentUser,
  { query = "", page = 1 }: { query?: string; page?: number },
  now: Date = new Date(),
): Promise<{ rows: AdminProviderRow[]; total: number }> {
  assertRole(admin, ["admin"], "only admins moderate providers");
  const pattern = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const offset = (Math.max(1, page) - 1) * ADMIN_PAGE_SIZE;
  const rows = await executeRows<AdminProviderRow & { total: number }>(sql`
    select p.id, p.slug, p.name, p.credentials, u.email, p.listing_status as "listingStatus",
      p.suspended_at as "suspendedAt", p.suspension_reason as "suspensionReason",
      ${listedProvider(trustDate(now))} as listed,
      (select count(*)::int from licenses x where x.provider_id = p.id and x.status = 'pending') as "pendingLicenses",
      count(*) over ()::int as total
    from providers p
    left join users u on u.id = p.user_id
    where p.name ilike ${pattern} or p.slug ilike ${pattern} or u.email ilike ${pattern}
    order by p.suspended_at desc nulls last, p.name, p.id
    limit ${ADMIN_PAGE_SIZE} offset ${offset}`);
  return {
    rows: rows.map(({ total, ...r }) => ({ ...r, suspendedAt: r.suspendedAt ? new Date(r.suspendedAt).toISOString() : null })),
    total: rows[0]?.total ?? 0,
  };
}

export async function suspendProvider(admin: CurrentUser, input: { providerId: string; reason: string }, now: Date = new Date()): Promise<ModerationResult> {
  assertRole(admin, ["admin"], "only admins suspend providers");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ModerationResult> => {
    const [row] = await tx
      .update(providers)
      .set({ suspendedAt: now, suspensionReason: input.reason, updatedAt: now })
      .where(and(eq(providers.id, input.providerId), isNull(providers.suspendedAt)))
      .returning({ name: providers.name });
    if (!row) return { ok: false, error: "This provider is already suspended, or no longer exists. Reload the page." };
    await recordAudit(tx, { actorId: admin.id, action: "provider.suspended", subjectType: "provider", subjectId: input.providerId, details: { reason: input.reason } });
    await queueSuspendedEmail(tx, input.providerId, input.reason);
    const cancelled = await cancelProviderSide(tx, { providerId: input.providerId, cause: "suspended", actorId: admin.id }, now);
    const bookingsLine = cancelled > 0 ? ` ${pluralize(cancelled, "upcoming booking")} cancelled with full refunds; the patients were emailed other providers nearby.` : "";
    return { ok: true, message: `${row.name} is suspended: out of search, with their requests and intakes closed.${bookingsLine}` };
  });
}

export async function reinstateProvider(admin: CurrentUser, input: { providerId: string }, now: Date = new Date()): Promise<ModerationResult> {
  assertRole(admin, ["admin"], "only admins reinstate providers");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ModerationResult> => {
    const [row] = await tx
      .update(providers)
      .set({ suspendedAt: null, suspensionReason: null, updatedAt: now })
      .where(and(eq(providers.id, input.providerId), isNotNull(providers.suspendedAt)))
      .returning({ name: providers.name });
    if (!row) return { ok: false, error: "This provider is not suspended. Reload the page." };
    await recordAudit(tx, { actorId: admin.id, action: "provider.reinstated", subjectType: "provider", subjectId: input.providerId, details: {} });
    await queueReinstatedEmail(tx, input.providerId);
    return { ok: true, message: `${row.name} is reinstated; the trust rule decides whether they are listed.` };
  });
}
