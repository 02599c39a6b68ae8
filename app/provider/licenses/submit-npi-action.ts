"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { submitNpi } from "@/lib/licensing/queries";
import { npiSchema } from "@/lib/licensing/validation";

export const submitNpiAction = authorizedAction(["provider"], npiSchema, (form) => ({ number: form.get("number") }), async (input, user) => {
  const result = await submitNpi(user, input);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "NPI submitted.");
});
