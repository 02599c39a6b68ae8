"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { enableAccount } from "@/lib/auth/account-moderation";
import { accountIdSchema } from "@/lib/auth/validation";

export const enableAccountAction = authorizedAction(["admin"], accountIdSchema, (form) => ({ userId: form.get("userId") }), async (input, admin) => {
  const result = await enableAccount(admin, input);
  if (result.ok) revalidatePath("/admin", "layout");
  return toActionState(result);
});
