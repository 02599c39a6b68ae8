"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { saveListing } from "@/lib/listing/queries";
import { listingFormToInput, listingSchema } from "@/lib/listing/validation";

export const saveListingAction = authorizedAction(["provider"], listingSchema, listingFormToInput, async (input, user) => {
  const result = await saveListing(user, input);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "Listing saved.");
});
