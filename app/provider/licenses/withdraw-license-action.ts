"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { withdrawLicense } from "@/lib/licensing/queries";
import { licenseIdSchema } from "@/lib/licensing/validation";

export const withdrawLicenseAction = authorizedAction(["provider"], licenseIdSchema, (form) => ({ id: form.get("id") }), async ({ id }, user) => {
  const result = await withdrawLicense(user, id);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "License removed.");
});
