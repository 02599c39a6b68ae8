import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { reviews } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { authorLabel } from "./author";
import type { ReportReason } from "./options";

// Admins read reported reviews (/admin/reviews), hide one with a reason, show a hidden one again,
// or keep a reported one up. Each decision is audited in its own transaction and clears the
// review's reports from the queue; a report sent later puts it back.

export type ModerationResult = { ok: true; message: string } | { ok: false; error: string };

export type ModerationRow = {
  id: string;
  providerName: string;
  providerSlug: string;
  rating: number;
  text: string | null;
  author: string;
  createdAt: string;
  reply: string | null;
  hidden: { at: string; reason: string } | null;
  /** Reports since the last decision, newest first. */
  reports: { reason: ReportReason; note: string | null; createdAt: string }[];
};

type Row = Omit<ModerationRow, "author" | "hidden"> & { authorName: string; showName: boolean; hiddenAt: string | null; hiddenReason: string | null };

/** Reviews with reports waiting for a decision, then hidden reviews, newest first; 50 of each at most. */
export async function listReviewsForModeration(admin: CurrentUser): Promise<{ reported: ModerationRow[]; hidden: ModerationRow[] }> {
  assertRole(admin, ["admin"], "only admins moderate reviews");
  const pending = sql`exists (select 1 from review_reports rr where rr.review_id = r.id and rr.created_at > coalesce(r.moderated_at, '-infinity'::timestamptz))`;
  const select = (where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) => sql`
    select r.id, p.name as "providerName", p.slug as "providerSlug", r.rating, r.text, u.name as "authorName", r.show_name as "showName",
      r.created_at as "createdAt", r.reply, r.hidden_at as "hiddenAt", r.hidden_reason as "hiddenReason",
      (select coalesce(json_agg(json_build_object('reason', rr.reason, 'note', rr.note, 'createdAt', rr.created_at) order by rr.created_at desc), '[]'::json)
        from review_reports rr where rr.review_id = r.id and rr.created_at > coalesce(r.moderated_at, '-infinity'::timestamptz)) as reports
    from reviews r join providers p on p.id = r.provider_id join users u on u.id = r.patient_id
    where ${where}
    order by ${order}
    limit 50`;
  const [reported, hidden] = await Promise.all([
    executeRows<Row>(select(sql`r.hidden_at is null and ${pending}`, sql`r.created_at desc`)),
    executeRows<Row>(select(sql`r.hidden_at is not null`, sql`r.hidden_at desc`)),
  ]);
  return { reported: reported.map(toRow), hidden: hidden.map(toRow) };
}

const iso = (v: string | Date) => new Date(v).toISOString();

function toRow(r: Row): ModerationRow {
  return {
    id: r.id,
    providerName: r.providerName,
    providerSlug: r.providerSlug,
    rating: r.rating,
    text: r.text,
    author: authorLabel(r.authorName, r.showName),
    createdAt: iso(r.createdAt),
    reply: r.reply,
    hidden: r.hiddenAt ? { at: iso(r.hiddenAt), reason: r.hiddenReason ?? "" } : null,
    reports: r.reports.map((x) => ({ ...x, createdAt: iso(x.createdAt) })),
  };
}

const GONE = "This review no longer exists. Reload the page.";

/** Hides a visible review: it stops showing and counting at once (the search entry's rating moves in the same transaction). */
export async function hideReview(admin: CurrentUser, input: { reviewId: string; reason: string }, now: Date = new Date()): Promise<ModerationResult> {
  assertRole(admin, ["admin"], "only admins hide reviews");
  if (!isUuid(input.reviewId)) return { ok: false, error: GONE };
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ModerationResult> => {
    const [row] = await tx
      .update(reviews)
      .set({ hiddenAt: now, hiddenReason: input.reason, hiddenBy: admin.id, moderatedAt: now })
      .where(and(eq(reviews.id, input.reviewId), isNull(reviews.hiddenAt)))
      .returning({ id: reviews.id, providerId: reviews.providerId });
    if (!row) return { ok: false, error: "This review is already hidden, or no longer exists. Reload the page." };
    await recordAudit(tx, { actorId: admin.id, action: "review.hide", subjectType: "review", subjectId: row.id, details: { providerId: row.providerId, reason: input.reason } });
    return { ok: true, message: "Review hidden. It no longer shows or counts." };
  });
}

/** Shows a hidden review again. */
export async function unhideReview(admin: CurrentUser, input: { reviewId: string }, now: Date = new Date()): Promise<ModerationResult> {
  assertRole(admin, ["admin"], "only admins show hidden reviews");
  if (!isUuid(input.reviewId)) return { ok: false, error: GONE };
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ModerationResult> => {
    const [row] = await tx
      .update(reviews)
      .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null, moderatedAt: now })
      .where(and(eq(reviews.id, input.reviewId), isNotNull(reviews.hiddenAt)))
      .returning({ id: reviews.id, providerId: reviews.providerId });
    if (!row) return { ok: false, error: "This review is not hidden, or no longer exists. Reload the page." };
    await recordAudit(tx, { actorId: admin.id, action: "review.unhide", subjectType: "review", subjectId: row.id, details: { providerId: row.providerId } });
    return { ok: true, message: "Review shown again." };
  });
}

/** Keeps a reported review up: its reports leave the queue. */
export async function keepReview(admin: CurrentUser, input: { reviewId: string }, now: Date = new Date()): Promise<ModerationResult> {
  assertRole(admin, ["admin"], "only admins moderate reviews");
  if (!isUuid(input.reviewId)) return { ok: false, error: GONE };
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<ModerationResult> => {
    const [row] = await tx
      .update(reviews)
      .set({ moderatedAt: now })
      .where(and(eq(reviews.id, input.reviewId), isNull(reviews.hiddenAt)))
      .returning({ id: reviews.id, providerId: reviews.providerId });
    if (!row) return { ok: false, error: GONE };
    await recordAudit(tx, { actorId: admin.id, action: "review.keep", subjectType: "review", subjectId: row.id, details: { providerId: row.providerId } });
    return { ok: true, message: "Review kept; its reports are cleared." };
  });
}
