"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { rejectLicense } from "@/lib/licensing/review";
import { rejectSchema } from "@/lib/licensing/validation";

export const rejectLicenseAction = authorizedAction(
  ["admin"],
  rejectSchema,
  (form) => ({ id: form.get("id"), reason: form.get("reason") }),
  async (input, admin) => {
    const result = await rejectLicense(admin, input);
    if (result.ok) revalidatePath("/admin", "layout");
    return toActionState(result, "License rejected.");
  },
);
