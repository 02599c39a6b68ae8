"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { keepReview } from "@/lib/reviews/moderation";
import { reviewIdSchema } from "@/lib/reviews/validation";

export const keepReviewAction = authorizedAction(["admin"], reviewIdSchema, (form) => ({ reviewId: form.get("reviewId") }), async (input, admin) => {
  const result = await keepReview(admin, input);
  if (result.ok) revalidatePath("/admin", "layout");
  return toActionState(result);
});
