"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/validated-action";
import { isSlug } from "@/lib/listing/slug";
import { createReview, updateReview } from "@/lib/reviews/reviews";
import { reviewSchema } from "@/lib/reviews/validation";
import { safeString } from "@/lib/validation/text";

const writeReviewForm = z.object({
  slug: safeString().refine(isSlug, "This provider is no longer listed."),
  mode: z.enum(["create", "edit"], { message: "Reload the page and try again." }),
  review: reviewSchema,
});

/** The profile's review form: a new review, or an edit after a later visit (the same rules as the JSON route). */
export const writeReviewAction = authorizedAction(
  ["patient"],
  writeReviewForm,
  (form) => ({
    slug: form.get("slug"),
    mode: form.get("mode"),
    review: { rating: form.get("rating") ?? undefined, text: form.get("text") ?? undefined, showName: form.get("anonymous") !== "1" },
  }),
  async ({ slug, mode, review }, user) => {
    const result = mode === "create" ? await createReview(user, slug, review) : await updateReview(user, slug, review);
    if (!result.ok) return { error: result.message };
    revalidatePath(`/providers/${slug}`);
    return { ok: true, message: result.message };
  },
);
