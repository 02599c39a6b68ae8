"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/validated-action";
import { toActionState } from "@/lib/actions/action-state";
import { setListingPublished } from "@/lib/listing/queries";
import { publishSchema } from "@/lib/listing/validation";

export const setPublishedAction = authorizedAction(
  ["provider"],
  publishSchema,
  (form) => ({ publish: form.get("publish") }),
  async ({ publish }, user) => {
    const result = await setListingPublished(user, publish === "on");
    if (result.ok) revalidatePath("/provider", "layout");
    return toActionState(result, publish === "on" ? "Listing published." : "Listing unpublished: it no longer appears in search.");
  },
);
