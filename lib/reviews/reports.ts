import "server-only";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { reviewReports, reviews } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { minutesUntilFree, WINDOW_MINUTES } from "@/lib/auth/throttle";
import type { ReportReason } from "./options";

// Anyone may report a review, signed in or not. A client address may send MAX_REPORTS_PER_ADDRESS
// reports in the throttle's window (lib/auth/throttle.ts); the same address or account reporting
// the same review again is thanked and changes nothing, so reporting cannot be used to flood the
// admins' queue or fill the table. Addresses are kept only while the limit reads them.

export const MAX_REPORTS_PER_ADDRESS = 10;

export type ReportResult = { ok: true; message: string } | { ok: false; error: string; retryAfterMinutes?: number };

const THANKS = "Thank you. An admin will look at this review.";

export async function reportReview(
  input: { reviewId: string; reason: ReportReason; note: string | null; ip: string; reporterId: string | null },
  now: Date = new Date(),
): Promise<ReportResult> {
  if (!isUuid(input.reviewId)) return { ok: false, error: GONE };
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [counts] = await executeRows<{ n: number; oldest: string | Date | null }>(sql`
    select count(*)::int as n, min(created_at) as oldest from review_reports
    where ip = ${input.ip} and created_at > ${since.toISOString()}::timestamptz`);
  const wait = minutesUntilFree({ failures: counts?.n ?? 0, oldest: counts?.oldest ? new Date(counts.oldest) : null }, MAX_REPORTS_PER_ADDRESS, now);
  if (wait > 0) return { ok: false, error: `Too many reports from your connection. Try again in ${wait} ${wait === 1 ? "minute" : "minutes"}.`, retryAfterMinutes: wait };

  const db = await getDb();
  return db.transaction(async (tx): Promise<ReportResult> => {
    const [review] = await tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.id, input.reviewId), isNull(reviews.hiddenAt)));
    if (!review) return { ok: false, error: GONE };
    const [already] = await tx
      .select({ id: reviewReports.id })
      .from(reviewReports)
      .where(
        and(
          eq(reviewReports.reviewId, review.id),
          input.reporterId ? or(eq(reviewReports.reporterId, input.reporterId), and(eq(reviewReports.ip, input.ip), gt(reviewReports.createdAt, since))) : and(eq(reviewReports.ip, input.ip), gt(reviewReports.createdAt, since)),
        ),
      )
      .limit(1);
    if (already) return { ok: true, message: THANKS };
    // Older rows' addresses have served the limit; the report itself stays for the moderators.
    await tx.update(reviewReports).set({ ip: "expired" }).where(and(lt(reviewReports.createdAt, since), sql`${reviewReports.ip} <> 'expired'`));
    await tx.insert(reviewReports).values({ reviewId: review.id, reporterId: input.reporterId, reason: input.reason, note: input.note, ip: input.ip, createdAt: now });
    return { ok: true, message: THANKS };
  });
}

const GONE = "This review is no longer shown. Reload the page.";
