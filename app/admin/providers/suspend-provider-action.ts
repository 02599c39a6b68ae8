"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { suspendProvider } from "@/lib/listing/moderation";
import { suspendSchema } from "@/lib/listing/validation";

export const suspendProviderAction = authorizedAction(
  ["admin"],
  suspendSchema,
  (form) => ({ providerId: form.get("providerId"), reason: form.get("reason") }),
  async (input, admin) => {
    const result = await suspendProvider(admin, input);
    if (result.ok) revalidatePath("/admin", "layout");
    return toActionState(result, "Provider suspended.");
  },
);
