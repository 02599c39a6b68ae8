"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { disableAccount } from "@/lib/auth/account-moderation";
import { disableAccountSchema } from "@/lib/auth/validation";

export const disableAccountAction = authorizedAction(
  ["admin"],
  disableAccountSchema,
  (form) => ({ userId: form.get("userId"), reason: form.get("reason") }),
  async (input, admin) => {
    const result = await disableAccount(admin, input);
    if (result.ok) revalidatePath("/admin", "layout");
    return toActionState(result);
  },
);
