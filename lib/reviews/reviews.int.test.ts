import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { auditEvents, bookings, locations, reviews } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { PATCH, POST } from "@/app/api/providers/[slug]/reviews/route";
import { actAs } from "@/lib/auth/testing/acting-user";
import { newBookingRow } from "@/lib/booking/booking-row";
import { getListedProvider } from "@/lib/providers/queries";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import { hideReview, keepReview, listReviewsForModeration, unhideReview } from "./moderation";
import { listOwnReviews, replyToReview } from "./replies";
import { MAX_REPORTS_PER_ADDRESS, reportReview } from "./reports";
import { ownReviewState, providersToReview } from "./reviews";

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const DAY = 86_400_000;
type Provider = Awaited<ReturnType<typeof createProvider>>;

const call = (handler: typeof POST, slug: string, body: unknown) =>
  handler(
    new NextRequest(`http://localhost:3000/api/providers/${slug}/reviews`, {
      method: handler === POST ? "POST" : "PATCH",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );

/** A booking of `patient` with `provider` that started `daysAgo` days ago, in `status`. */
async function visit(provider: Provider, patient: TestUser, daysAgo: number, status: "completed" | "confirmed" | "no_show" | "cancelled" = "completed") {
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.providerId, provider.id));
  const type = { id: provider.typeIds[0]!, name: "Initial consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 20_000, depositCents: 0 };
  const row = newBookingRow({ providerId: provider.id, patientId: patient.id, location: location!, type, start: new Date(Date.now() - daysAgo * DAY), status, intake: validIntake(), cancellationWindowHours: 24 });
  await db.insert(bookings).values(row);
}

async function searchCard(slug: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(""));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return (await searchProviders(parsed.filters)).results.find((r) => r.slug === slug);
}

let provider: Provider;
let owner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  owner = await createUser("provider", "Dr. Owner");
  admin = await createUser("admin");
  provider = await createProvider({ name: "Dr. Reviewed", provider: { userId: owner.id } });
}, 120_000);

afterEach(() => actAs(null));

describe("POST /api/providers/[slug]/reviews", () => {
  it("answers 401 to anyone signed out and 403 to providers and admins", async () => {
    await actAs(null);
    expect((await call(POST, provider.slug, { rating: 5 })).status).toBe(401);
    await actAs(owner);
    expect((await call(POST, provider.slug, { rating: 5 })).status).toBe(403);
    await actAs(admin);
    expect((await call(POST, provider.slug, { rating: 5 })).status).toBe(403);
  });

  it("answers 403 without a completed visit in the last 90 days, and writes nothing", async () => {
    const patient = await createUser("patient");
    await actAs(patient);
    const none = await call(POST, provider.slug, { rating: 4 });
    expect(none.status).toBe(403);
    expect((await none.json()).error.message).toMatch(/completed visit with Dr\. Reviewed in the last 90 days/);
    await visit(provider, patient, 91);
    await visit(provider, patient, 10, "no_show");
    await visit(provider, patient, 5, "confirmed");
    expect((await call(POST, provider.slug, { rating: 4 })).status).toBe(403);
    const db = await getDb();
    expect(await db.$count(reviews, eq(reviews.patientId, patient.id))).toBe(0);
  });

  it("answers 400 for a bad rating or text, naming the field", async () => {
    const patient = await createUser("patient");
    await visit(provider, patient, 3);
    await actAs(patient);
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { rating: "five" }, {}, { rating: 5, text: "x".repeat(1001) }, { rating: 5, text: "bad\u0000" }]) {
      const response = await call(POST, provider.slug, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const fields = (await response.json()).error.fields;
      expect(Object.keys(fields)).toEqual([body.rating === 5 ? "text" : "rating"]);
    }
    expect((await call(POST, provider.slug, "{not json")).status).toBe(400);
    expect((await call(POST, "no-such-provider", { rating: 5 })).status).toBe(404);
  });

  it("takes one review after a completed visit, then 409; the profile and the search card count it", async () => {
    const patient = await createUser("patient", "Jordan Quinn Example");
    await visit(provider, patient, 20);
    await actAs(patient);
    const created = await call(POST, provider.slug, { rating: 4, text: "  Kind and on time.  " });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: expect.any(String) });
    const again = await call(POST, provider.slug, { rating: 1 });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("already_reviewed");

    const profile = await getListedProvider(provider.slug);
    const mine = profile!.reviews.find((r) => r.text === "Kind and on time.");
    expect(mine).toMatchObject({ rating: 4, author: "Jordan E.", reply: null });
    // Only the first name and an initial leave the database layer.
    expect(JSON.stringify(profile)).not.toContain("Quinn");
    expect(JSON.stringify(profile)).not.toContain("Example");
    const card = await searchCard(provider.slug);
    expect(card!.rating.count).toBe(profile!.rating.count);
    expect(card!.rating.average).toBe(profile!.rating.average);
  });

  it("shows 'Verified patient' when asked", async () => {
    const patient = await createUser("patient", "Casey Private");
    await visit(provider, patient, 2);
    await actAs(patient);
    expect((await call(POST, provider.slug, { rating: 5, text: "Anonymous praise", showName: false })).status).toBe(201);
    const profile = await getListedProvider(provider.slug);
    expect(profile!.reviews.find((r) => r.text === "Anonymous praise")!.author).toBe("Verified patient");
  });
});

describe("PATCH /api/providers/[slug]/reviews", () => {
  it("edits only after a completed visit later than the last edit, within 90 days", async () => {
    const patient = await createUser("patient");
    await actAs(patient);
    expect((await call(PATCH, provider.slug, { rating: 3 })).status).toBe(404);
    await visit(provider, patient, 30);
    expect((await call(POST, provider.slug, { rating: 2, text: "First visit" })).status).toBe(201);
    expect(await ownReviewState(patient, provider.slug)).toMatchObject({ kind: "written", canEdit: false });

    const early = await call(PATCH, provider.slug, { rating: 5 });
    expect(early.status).toBe(403);
    expect((await early.json()).error).toMatchObject({ code: "no_later_visit", message: expect.stringMatching(/after your next completed visit/) });

    // A later visit that did not happen (cancelled) does not count.
    const db = await getDb();
    await visit(provider, patient, 1, "cancelled");
    expect((await call(PATCH, provider.slug, { rating: 5 })).status).toBe(403);
    await db.update(reviews).set({ editedAt: new Date(Date.now() - 40 * DAY) }).where(eq(reviews.patientId, patient.id));

    // The review was written 40 days ago; the 30-day-old visit came after it.
    expect(await ownReviewState(patient, provider.slug)).toMatchObject({ kind: "written", canEdit: true });
    const edited = await call(PATCH, provider.slug, { rating: 5, text: "Second visit was better" });
    expect(edited.status).toBe(200);
    const [row] = await db.select().from(reviews).where(eq(reviews.patientId, patient.id));
    expect(row).toMatchObject({ rating: 5, text: "Second visit was better" });
    expect(row!.editedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // One edit per later visit.
    expect((await call(PATCH, provider.slug, { rating: 1 })).status).toBe(403);
  });
});

describe("replies, reports and moderation", () => {
  let reviewId: string;
  beforeAll(async () => {
    const patient = await createUser("patient", "Riley Reported");
    await visit(provider, patient, 4);
    await actAs(patient);
    const response = await call(POST, provider.slug, { rating: 1, text: "Call me at 212-555-0100" });
    reviewId = (await response.json()).id;
  });

  it("the provider replies once; another provider cannot", async () => {
    const other = await createUser("provider");
    await createProvider({ provider: { userId: other.id } });
    expect(await replyToReview(other, { reviewId, reply: "Not mine" })).toMatchObject({ ok: false });
    expect(await replyToReview(owner, { reviewId, reply: "Thank you for the feedback." })).toMatchObject({ ok: true });
    expect(await replyToReview(owner, { reviewId, reply: "Second reply" })).toMatchObject({ ok: false, error: expect.stringMatching(/already replied/) });
    expect((await listOwnReviews(owner)).find((r) => r.id === reviewId)!.reply).toBe("Thank you for the feedback.");
    expect((await getListedProvider(provider.slug))!.reviews.find((r) => r.id === reviewId)!.reply).toBe("Thank you for the feedback.");
  });

  it("anyone reports; the same address once per review; an address is limited", async () => {
    const ip = "203.0.113.7";
    expect(await reportReview({ reviewId, reason: "personal_information", note: null, ip, reporterId: null })).toMatchObject({ ok: true });
    expect(await reportReview({ reviewId, reason: "spam", note: "again", ip, reporterId: null })).toMatchObject({ ok: true });
    const db = await getDb();
    const [{ n }] = (await executeRows<{ n: number }>(sql`select count(*)::int as n from review_reports where review_id = ${reviewId}`)) as [{ n: number }];
    expect(n).toBe(1);

    const flooder = "198.51.100.9";
    const others = [];
    for (let i = 0; i < MAX_REPORTS_PER_ADDRESS + 1; i++) {
      const p = await createUser("patient");
      await visit(provider, p, 3);
      const [row] = await db.insert(reviews).values({ providerId: provider.id, patientId: p.id, rating: 3 }).returning({ id: reviews.id });
      others.push(row!.id);
    }
    for (const id of others.slice(0, MAX_REPORTS_PER_ADDRESS)) expect(await reportReview({ reviewId: id, reason: "spam", note: null, ip: flooder, reporterId: null })).toMatchObject({ ok: true });
    expect(await reportReview({ reviewId: others.at(-1)!, reason: "spam", note: null, ip: flooder, reporterId: null })).toMatchObject({ ok: false, retryAfterMinutes: expect.any(Number) });
    expect(await reportReview({ reviewId: "not-a-uuid", reason: "spam", note: null, ip, reporterId: null })).toMatchObject({ ok: false });
  });

  it("an admin hides a reported review with a reason: audited, no longer shown or counted, on the profile or in search", async () => {
    const queue = await listReviewsForModeration(admin);
    const reported = queue.reported.find((r) => r.id === reviewId);
    expect(reported).toMatchObject({ author: "Riley R.", reports: [{ reason: "personal_information", note: null }] });
    const before = await getListedProvider(provider.slug);
    const cardBefore = await searchCard(provider.slug);
    expect(cardBefore!.rating.count).toBe(before!.rating.count);

    expect(await hideReview(owner, { reviewId, reason: "nope" }).catch((e: Error) => e.name)).toBe("ForbiddenError");
    expect(await hideReview(admin, { reviewId, reason: "Shares a phone number" })).toMatchObject({ ok: true });
    expect(await hideReview(admin, { reviewId, reason: "twice" })).toMatchObject({ ok: false });
    const after = await getListedProvider(provider.slug);
    expect(after!.reviews.map((r) => r.id)).not.toContain(reviewId);
    expect(after!.rating.count).toBe(before!.rating.count - 1);
    expect((await searchCard(provider.slug))!.rating.count).toBe(after!.rating.count);
    expect(await reportReview({ reviewId, reason: "spam", note: null, ip: "192.0.2.1", reporterId: null })).toMatchObject({ ok: false });
    expect(await replyToReview(owner, { reviewId, reply: "x" })).toMatchObject({ ok: false });

    const db = await getDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, reviewId));
    expect(audit).toMatchObject({ actorId: admin.id, action: "review.hide", subjectType: "review", details: { reason: "Shares a phone number" } });
    const queueAfter = await listReviewsForModeration(admin);
    expect(queueAfter.reported.map((r) => r.id)).not.toContain(reviewId);
    expect(queueAfter.hidden.find((r) => r.id === reviewId)!.hidden!.reason).toBe("Shares a phone number");

    expect(await unhideReview(admin, { reviewId })).toMatchObject({ ok: true });
    expect((await getListedProvider(provider.slug))!.rating.count).toBe(before!.rating.count);
    expect((await searchCard(provider.slug))!.rating.count).toBe(before!.rating.count);
  });

  it("keeping a review clears its reports until a new one comes", async () => {
    const db = await getDb();
    const p = await createUser("patient");
    const [row] = await db.insert(reviews).values({ providerId: provider.id, patientId: p.id, rating: 5 }).returning({ id: reviews.id });
    await reportReview({ reviewId: row!.id, reason: "not_genuine", note: "Never saw this patient", ip: "192.0.2.50", reporterId: null });
    expect((await listReviewsForModeration(admin)).reported.map((r) => r.id)).toContain(row!.id);
    expect(await keepReview(admin, { reviewId: row!.id })).toMatchObject({ ok: true });
    expect((await listReviewsForModeration(admin)).reported.map((r) => r.id)).not.toContain(row!.id);
  });
});

describe("the patient's dashboard", () => {
  it("lists providers with a recent completed visit and no review yet", async () => {
    const patient = await createUser("patient");
    expect(await providersToReview(patient)).toEqual([]);
    await visit(provider, patient, 12);
    expect(await providersToReview(patient)).toEqual([{ slug: provider.slug, name: "Dr. Reviewed" }]);
    await actAs(patient);
    expect((await call(POST, provider.slug, { rating: 5 })).status).toBe(201);
    expect(await providersToReview(patient)).toEqual([]);
  });
});

describe("the search entry's rating", () => {
  it("is the visible reviews' count and average, moved by the trigger in the writing transaction", async () => {
    const lonely = await createProvider({ name: "Dr. Few Reviews" });
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: null, count: 0 });
    const db = await getDb();
    const a = await createUser("patient");
    const b = await createUser("patient");
    await db.insert(reviews).values([
      { providerId: lonely.id, patientId: a.id, rating: 5 },
      { providerId: lonely.id, patientId: b.id, rating: 4 },
    ]);
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: 4.5, count: 2 });
    // A rolled-back hide changes nothing.
    await db
      .transaction(async (tx) => {
        await tx.update(reviews).set({ hiddenAt: new Date(), hiddenReason: "x" }).where(eq(reviews.patientId, a.id));
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: 4.5, count: 2 });
    await db.update(reviews).set({ rating: 2 }).where(eq(reviews.patientId, b.id));
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: 3.5, count: 2 });
    await db.delete(reviews).where(eq(reviews.patientId, a.id));
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: 2, count: 1 });
    // A rebuild of the entries (any listing change) keeps the rating.
    await db.execute(sql`update providers set bio = 'changed' where id = ${lonely.id}`);
    expect((await searchCard(lonely.slug))!.rating).toEqual({ average: 2, count: 1 });
  });
});
