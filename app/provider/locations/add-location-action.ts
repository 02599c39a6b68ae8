"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { addLocation } from "@/lib/listing/queries";
import { locationFormToInput, locationSchema } from "@/lib/listing/validation";

export const addLocationAction = authorizedAction(["provider"], locationSchema, locationFormToInput, async (input, user) => {
  const result = await addLocation(user, input);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "Location added.");
});
