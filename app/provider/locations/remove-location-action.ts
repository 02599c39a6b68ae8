"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { removeLocation } from "@/lib/listing/queries";
import { idSchema } from "@/lib/listing/validation";

export const removeLocationAction = authorizedAction(["provider"], idSchema, (form) => ({ id: form.get("id") }), async ({ id }, user) => {
  const result = await removeLocation(user, id);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "Location removed.");
});
