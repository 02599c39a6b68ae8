"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { replyToReview } from "@/lib/reviews/replies";
import { replySchema } from "@/lib/reviews/validation";

export const replyToReviewAction = authorizedAction(["provider"], replySchema, (form) => ({ reviewId: form.get("reviewId"), reply: form.get("reply") }), async (input, user) => {
  const result = await replyToReview(user, input);
  if (result.ok) revalidatePath("/provider/reviews");
  return toActionState(result);
});
