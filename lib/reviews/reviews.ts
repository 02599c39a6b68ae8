import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { executeRows, getDb, type Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { reviews } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { listedProvider, trustDate } from "@/lib/licensing/trust";
import { isSlug } from "@/lib/listing/slug";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { REVIEW_WINDOW_DAYS } from "./options";
import type { ReviewInput } from "./validation";

// A patient's own review of a provider (issue 15, part 3). Only a completed visit with the
// provider in the last 90 days lets a patient write one; there is one per patient and provider
// (the table's unique key decides a race), and it can be edited again only after a completed
// visit later than its last edit, still within 90 days. Hidden reviews are the moderators' and
// cannot be edited back into view.

export type WriteReviewResult =
  | { ok: true; id: string; message: string }
  | { ok: false; status: 403 | 404 | 409; code: "not_listed" | "no_visit" | "no_later_visit" | "already_reviewed" | "no_review" | "hidden"; message: string };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const windowStart = (now: Date) => new Date(now.getTime() - REVIEW_WINDOW_DAYS * 86_400_000);

/** A listed provider's id and name by slug, or null. */
async function listedBySlug(slug: string, now: Date, reader?: Tx): Promise<{ id: string; name: string } | null> {
  if (!isSlug(slug)) return null;
  const [row] = await executeRows<{ id: string; name: string }>(
    sql`select p.id, p.name from providers p where p.slug = ${slug} and ${listedProvider(trustDate(now))}`,
    reader,
  );
  return row ?? null;
}

/** The start of the patient's latest completed visit with the provider within the window and after `after`, or null. */
async function latestCompletedVisit(reader: Tx | undefined, patientId: string, providerId: string, now: Date, after?: Date): Promise<Date | null> {
  const since = after && after > windowStart(now) ? after : windowStart(now);
  const [row] = await executeRows<{ at: string | Date | null }>(
    sql`select max(b.starts_at) as at from bookings b
        where b.patient_id = ${patientId} and b.provider_id = ${providerId} and b.status = 'completed'
          and b.starts_at > ${since.toISOString()}::timestamptz and b.starts_at <= ${now.toISOString()}::timestamptz`,
    reader,
  );
  return row?.at ? new Date(row.at) : null;
}

const NOT_LISTED = { ok: false, status: 404, code: "not_listed", message: "No listed provider has that address." } as const;
const noVisit = (name: string) =>
  ({ ok: false, status: 403, code: "no_visit", message: `Only patients with a completed visit with ${name} in the last ${REVIEW_WINDOW_DAYS} days can review them.` }) as const;

export async function createReview(user: CurrentUser, slug: string, input: ReviewInput, now: Date = new Date()): Promise<WriteReviewResult> {
  assertRole(user, ["patient"], "only patients write reviews");
  const provider = await listedBySlug(slug, now);
  if (!provider) return NOT_LISTED;
  const db = await getDb();
  const [existing] = await db.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.providerId, provider.id), eq(reviews.patientId, user.id)));
  if (existing) return alreadyReviewed(provider.name);
  if (!(await latestCompletedVisit(undefined, user.id, provider.id, now))) return noVisit(provider.name);
  try {
    const [row] = await db
      .insert(reviews)
      .values({ providerId: provider.id, patientId: user.id, rating: input.rating, text: input.text, showName: input.showName, createdAt: now, editedAt: now })
      .returning({ id: reviews.id });
    return { ok: true, id: row!.id, message: "Thank you. Your review is on the profile." };
  } catch (error) {
    // Two submissions at once: the unique key lets one in.
    if (isUniqueViolation(error, "reviews_provider_patient")) return alreadyReviewed(provider.name);
    throw error;
  }
}

const alreadyReviewed = (name: string) =>
  ({ ok: false, status: 409, code: "already_reviewed", message: `You have already reviewed ${name}. Edit your review instead.` }) as const;

export async function updateReview(user: CurrentUser, slug: string, input: ReviewInput, now: Date = new Date()): Promise<WriteReviewResult> {
  assertRole(user, ["patient"], "only patients edit their reviews");
  const provider = await listedBySlug(slug, now);
  if (!provider) return NOT_LISTED;
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<WriteReviewResult> => {
    const [own] = await tx
      .select({ id: reviews.id, editedAt: reviews.editedAt, hiddenAt: reviews.hiddenAt })
      .from(reviews)
      .where(and(eq(reviews.providerId, provider.id), eq(reviews.patientId, user.id)))
      .for("update");
    if (!own) return { ok: false, status: 404, code: "no_review", message: `You have not reviewed ${provider.name} yet.` };
    if (own.hiddenAt) return { ok: false, status: 403, code: "hidden", message: "A moderator hid this review, so it cannot be edited." };
    if (!(await latestCompletedVisit(tx, user.id, provider.id, now, own.editedAt))) {
      return {
        ok: false,
        status: 403,
        code: "no_later_visit",
        message: `You can edit your review after your next completed visit with ${provider.name} (within ${REVIEW_WINDOW_DAYS} days of it).`,
      };
    }
    await tx.update(reviews).set({ rating: input.rating, text: input.text, showName: input.showName, editedAt: now }).where(eq(reviews.id, own.id));
    return { ok: true, id: own.id, message: "Your review is updated." };
  });
}

/** What the profile's review form needs to know about the signed-in patient. */
export type OwnReviewState =
  | { kind: "cannot_review" }
  | { kind: "can_write" }
  | { kind: "written"; canEdit: boolean; hidden: boolean; review: { rating: number; text: string | null; showName: boolean } };

export async function ownReviewState(user: CurrentUser, slug: string, now: Date = new Date()): Promise<OwnReviewState> {
  assertRole(user, ["patient"], "only patients have reviews of their own");
  const provider = await listedBySlug(slug, now);
  if (!provider) return { kind: "cannot_review" };
  const db = await getDb();
  const [own] = await db
    .select({ rating: reviews.rating, text: reviews.text, showName: reviews.showName, editedAt: reviews.editedAt, hiddenAt: reviews.hiddenAt })
    .from(reviews)
    .where(and(eq(reviews.providerId, provider.id), eq(reviews.patientId, user.id)));
  if (!own) return (await latestCompletedVisit(undefined, user.id, provider.id, now)) ? { kind: "can_write" } : { kind: "cannot_review" };
  const canEdit = !own.hiddenAt && (await latestCompletedVisit(undefined, user.id, provider.id, now, own.editedAt)) !== null;
  return { kind: "written", canEdit, hidden: own.hiddenAt !== null, review: { rating: own.rating, text: own.text, showName: own.showName } };
}

/** Providers the patient may review now (a completed visit in the window, no review yet), for the dashboard. */
export async function providersToReview(user: CurrentUser, now: Date = new Date()): Promise<{ slug: string; name: string }[]> {
  assertRole(user, ["patient"], "only patients write reviews");
  return executeRows<{ slug: string; name: string }>(sql`
    select p.slug, p.name from providers p
    where ${listedProvider(trustDate(now))}
      and exists (select 1 from bookings b where b.patient_id = ${user.id} and b.provider_id = p.id and b.status = 'completed'
        and b.starts_at > ${windowStart(now).toISOString()}::timestamptz and b.starts_at <= ${now.toISOString()}::timestamptz)
      and not exists (select 1 from reviews r where r.patient_id = ${user.id} and r.provider_id = p.id)
    order by p.name
    limit 20`);
}
