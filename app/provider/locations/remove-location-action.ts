"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { removeLocation } from "@/lib/listing/queries";
import { pluralize } from "@/lib/ui/format";
import { removeLocationSchema } from "@/lib/listing/validation";

export const removeLocationAction = authorizedAction(["provider"], removeLocationSchema, (form) => ({ id: form.get("id"), upcoming: form.get("upcoming") }), async ({ id, upcoming }, user) => {
  const result = await removeLocation(user, id, upcoming);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, upcoming > 0 ? `Location removed. ${pluralize(upcoming, "booking")} there ${upcoming === 1 ? "was" : "were"} cancelled, refunded in full, and the patients emailed.` : "Location removed.");
});
