import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { providers, reviews, users } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { authorLabel } from "./author";

// The provider's side: their own reviews, hidden ones marked, and one public reply to each.

export type ReplyResult = { ok: true; message: string } | { ok: false; error: string };

export type ProviderReviewRow = {
  id: string;
  rating: number;
  text: string | null;
  author: string;
  createdAt: string;
  reply: string | null;
  hidden: boolean;
};

/** The signed-in provider's reviews, newest first (at most 100). */
export async function listOwnReviews(user: CurrentUser): Promise<ProviderReviewRow[]> {
  assertRole(user, ["provider"], "only providers read their reviews");
  const db = await getDb();
  const rows = await db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      text: reviews.text,
      showName: reviews.showName,
      name: users.name,
      createdAt: reviews.createdAt,
      reply: reviews.reply,
      hiddenAt: reviews.hiddenAt,
    })
    .from(reviews)
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .innerJoin(users, eq(users.id, reviews.patientId))
    .where(eq(providers.userId, user.id))
    .orderBy(desc(reviews.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    rating: r.rating,
    text: r.text,
    author: authorLabel(r.name, r.showName),
    createdAt: r.createdAt.toISOString(),
    reply: r.reply,
    hidden: r.hiddenAt !== null,
  }));
}

/** The provider's one reply to a visible review of theirs. */
export async function replyToReview(user: CurrentUser, input: { reviewId: string; reply: string }, now: Date = new Date()): Promise<ReplyResult> {
  assertRole(user, ["provider"], "only providers reply to reviews");
  if (!isUuid(input.reviewId)) return { ok: false, error: GONE };
  const db = await getDb();
  const [target] = await db
    .select({ id: reviews.id, reply: reviews.reply, hiddenAt: reviews.hiddenAt, suspendedAt: providers.suspendedAt })
    .from(reviews)
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .where(and(eq(reviews.id, input.reviewId), eq(providers.userId, user.id)));
  if (!target) return { ok: false, error: GONE };
  if (target.suspendedAt) return { ok: false, error: "Your listing is suspended, so you cannot reply to reviews until an admin reinstates it." };
  if (target.hiddenAt) return { ok: false, error: "A moderator hid this review, so it takes no reply." };
  if (target.reply !== null) return { ok: false, error: "You have already replied to this review; a review takes one reply." };
  // The WHERE makes "once" hold for two replies sent at the same moment too.
  const updated = await db
    .update(reviews)
    .set({ reply: input.reply, repliedAt: now })
    .where(and(eq(reviews.id, target.id), isNull(reviews.reply), sql`${reviews.hiddenAt} is null`))
    .returning({ id: reviews.id });
  if (updated.length === 0) return { ok: false, error: "You have already replied to this review; a review takes one reply." };
  return { ok: true, message: "Your reply is on your profile." };
}

const GONE = "This review no longer exists, or is not of your listing. Reload the page.";
