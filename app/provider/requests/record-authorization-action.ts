"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { afterBookingChange } from "@/lib/booking/after-change";
import { recordAuthorization } from "@/lib/treatments/authorization";
import { authorizationSchema } from "@/lib/treatments/validation";

export const recordAuthorizationAction = authorizedAction(
  ["provider"],
  authorizationSchema,
  (form) => ({ id: form.get("id"), status: form.get("status"), on: form.get("on") }),
  async (input, provider) => {
    const result = await recordAuthorization(provider, input);
    if (result.ok) {
      revalidatePath(`/provider/requests/${input.id}`);
      revalidatePath("/patient");
      // The patient's email about the insurer's answer goes after the response.
      afterBookingChange();
    }
    return toActionState(result);
  },
);
