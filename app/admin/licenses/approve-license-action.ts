"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { approveLicense } from "@/lib/licensing/review";
import { approveSchema } from "@/lib/licensing/validation";

export const approveLicenseAction = authorizedAction(
  ["admin"],
  approveSchema,
  (form) => ({ id: form.get("id"), sourceNote: form.get("sourceNote") }),
  async (input, admin) => {
    const result = await approveLicense(admin, input);
    if (result.ok) revalidatePath("/admin", "layout");
    return toActionState(result, "License verified.");
  },
);
