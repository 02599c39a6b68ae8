"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { reinstateProvider } from "@/lib/listing/moderation";
import { providerIdSchema } from "@/lib/listing/validation";

export const reinstateProviderAction = authorizedAction(["admin"], providerIdSchema, (form) => ({ providerId: form.get("providerId") }), async (input, admin) => {
  const result = await reinstateProvider(admin, input);
  if (result.ok) revalidatePath("/admin", "layout");
  return toActionState(result, "Provider reinstated.");
});
