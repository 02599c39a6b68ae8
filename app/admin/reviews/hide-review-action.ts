"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { hideReview } from "@/lib/reviews/moderation";
import { hideSchema } from "@/lib/reviews/validation";

export const hideReviewAction = authorizedAction(["admin"], hideSchema, (form) => ({ reviewId: form.get("reviewId"), reason: form.get("reason") }), async (input, admin) => {
  const result = await hideReview(admin, input);
  if (result.ok) revalidatePath("/admin", "layout");
  return toActionState(result);
});
