import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { licenses } from "@/db/schema";
import { queueLicenseApprovedEmail, queueLicenseRejectedEmail } from "@/lib/notifications/provider-emails";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { trustDate } from "./trust";

// The admin's side of licensing: the review queue, approvals with the source checked, rejections
// with a reason the provider sees, and the licenses about to lapse.

export type ReviewResult = { ok: true; message: string } | { ok: false; error: string };

export type QueuedLicense = {
  id: string;
  kind: "npi" | "state" | "board";
  state: string | null;
  number: string;
  issuer: string | null;
  expiresOn: string | null;
  submittedAt: string;
  /** Submitted before, then changed: the provider edited a license that had been reviewed. */
  resubmitted: boolean;
  provider: { id: string; name: string; credentials: string; specialty: string; email: string | null; suspended: boolean };
  /** "New York, NY" for each of the provider's locations, so the reviewer sees which states matter. */
  places: string[];
};

export type ExpiringLicense = {
  id: string;
  kind: "npi" | "state" | "board";
  state: string | null;
  number: string;
  issuer: string | null;
  expiresOn: string;
  provider: { id: string; name: string; credentials: string; email: string | null };
};

export const QUEUE_PAGE_SIZE = 50;
export const EXPIRY_WARNING_DAYS = 30;

type QueueRow = Omit<QueuedLicense, "submittedAt"> & { submittedAt: string | Date; total: number };

/** Pending licenses, oldest submission first, with what a reviewer needs to check them. */
export async function getReviewQueue(admin: CurrentUser, page = 1): Promise<{ items: QueuedLicense[]; total: number }> {
  assertRole(admin, ["admin"], "only admins review licenses");
  const offset = (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE;
  const rows = await executeRows<QueueRow>(sql`
    select x.id, x.kind, x.state, x.number, x.issuer, x.expires_on as "expiresOn", x.submitted_at as "submittedAt",
      x.submitted_at > x.created_at + interval '1 second' as resubmitted,
      json_build_object('id', p.id, 'name', p.name, 'credentials', p.credentials, 'specialty', p.specialty,
        'email', u.email, 'suspended', p.suspended_at is not null) as provider,
      (select coalesce(json_agg(distinct l.city || ', ' || l.state), '[]'::json) from locations l where l.provider_id = p.id) as places,
      count(*) over ()::int as total
    from licenses x
    join providers p on p.id = x.provider_id
    left join users u on u.id = p.user_id
    where x.status = 'pending'
    order by x.submitted_at, x.id
    limit ${QUEUE_PAGE_SIZE} offset ${offset}`);
  return {
    items: rows.map(({ total, ...r }) => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString() })),
    total: rows[0]?.total ?? (offset > 0 ? await countPending() : 0),
  };
}

async function countPending(): Promise<number> {
  const [row] = await executeRows<{ n: number }>(sql`select count(*)::int as n from licenses where status = 'pending'`);
  return row?.n ?? 0;
}

/** Verified licenses whose expiry falls within the next 30 days, soonest first. */
export async function getExpiringLicenses(admin: CurrentUser, now: Date = new Date()): Promise<ExpiringLicense[]> {
  assertRole(admin, ["admin"], "only admins review licenses");
  const today = trustDate(now);
  return executeRows<ExpiringLicense>(sql`
    select x.id, x.kind, x.state, x.number, x.issuer, x.expires_on as "expiresOn",
      json_build_object('id', p.id, 'name', p.name, 'credentials', p.credentials, 'email', u.email) as provider
    from licenses x
    join providers p on p.id = x.provider_id
    left join users u on u.id = p.user_id
    where x.status = 'verified' and x.expires_on between ${today}::date and ${today}::date + ${EXPIRY_WARNING_DAYS}::int
    order by x.expires_on, p.name
    limit 500`);
}

const ALREADY_REVIEWED = "Someone already reviewed this license, or the provider changed it. Reload the queue.";

/** Marks a pending license verified, recording who checked it and against what source. */
export async function approveLicense(admin: CurrentUser, input: { id: string; sourceNote: string }, now: Date = new Date()): Promise<ReviewResult> {
  assertRole(admin, ["admin"], "only admins verify licenses");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ReviewResult> => {
    const [license] = await tx
      .select({ providerId: licenses.providerId, kind: licenses.kind, state: licenses.state, expiresOn: licenses.expiresOn, status: licenses.status })
      .from(licenses)
      .where(eq(licenses.id, input.id))
      .for("update");
    if (!license || license.status !== "pending") return { ok: false, error: ALREADY_REVIEWED };
    if (license.expiresOn !== null && license.expiresOn < trustDate(now)) {
      return { ok: false, error: `This license expired on ${license.expiresOn}. Reject it and ask for the renewed one.` };
    }
    await tx
      .update(licenses)
      .set({ status: "verified", verifiedBy: admin.id, verifiedAt: now, sourceNote: input.sourceNote, rejectionReason: null })
      .where(and(eq(licenses.id, input.id), eq(licenses.status, "pending")));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "license.verified",
      subjectType: "license",
      subjectId: input.id,
      details: { providerId: license.providerId, kind: license.kind, state: license.state, source: input.sourceNote },
    });
    await queueLicenseApprovedEmail(tx, license.providerId, license);
    return { ok: true, message: "License verified." };
  });
}

/** Rejects a pending license with a reason the provider sees on their licenses page. */
export async function rejectLicense(admin: CurrentUser, input: { id: string; reason: string }): Promise<ReviewResult> {
  assertRole(admin, ["admin"], "only admins reject licenses");
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx): Promise<ReviewResult> => {
    const [updated] = await tx
      .update(licenses)
      .set({ status: "rejected", rejectionReason: input.reason, verifiedAt: null, verifiedBy: null, sourceNote: null })
      .where(and(eq(licenses.id, input.id), eq(licenses.status, "pending")))
      .returning({ providerId: licenses.providerId, kind: licenses.kind, state: licenses.state });
    if (!updated) return { ok: false, error: ALREADY_REVIEWED };
    await recordAudit(tx, {
      actorId: admin.id,
      action: "license.rejected",
      subjectType: "license",
      subjectId: input.id,
      details: { providerId: updated.providerId, kind: updated.kind, state: updated.state, reason: input.reason },
    });
    await queueLicenseRejectedEmail(tx, updated.providerId, updated, input.reason);
    return { ok: true, message: "License rejected. The provider sees your reason." };
  });
}
