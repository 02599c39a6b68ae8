import { jsonRoute, problem } from "@/lib/http/json-route";
import { slugParam } from "@/lib/http/params";
import { createReview, updateReview, type WriteReviewResult } from "@/lib/reviews/reviews";
import { reviewSchema } from "@/lib/reviews/validation";

const WRITERS = {
  auth: ["patient"] as const,
  signedOut: "Sign in as the patient who visited this provider to review them.",
  wrongRole: "Only patient accounts write reviews.",
  params: slugParam,
  body: { schema: reviewSchema, maxBytes: 8 * 1024 },
};

function answer(result: WriteReviewResult, created: boolean): Response {
  if (!result.ok) return problem(result.status, result.message, { code: result.code });
  return Response.json({ id: result.id, message: result.message }, { status: created ? 201 : 200 });
}

/** The caller's review of the provider: 201, or 403 without a completed visit in 90 days, 409 when already written. */
export const POST = jsonRoute({ route: "/api/providers/[slug]/reviews", ...WRITERS }, async ({ params, body, user }) =>
  answer(await createReview(user, params.slug, body), true),
);

/** Edits the caller's review, after a completed visit later than its last edit (else 403). */
export const PATCH = jsonRoute({ route: "/api/providers/[slug]/reviews", ...WRITERS }, async ({ params, body, user }) =>
  answer(await updateReview(user, params.slug, body), false),
);
