"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { allowEarlierTreatment } from "@/lib/treatments/overrides";
import { intervalOverrideSchema } from "@/lib/treatments/validation";

export const allowEarlierTreatmentAction = authorizedAction(
  ["provider"],
  intervalOverrideSchema,
  (form) => ({ id: form.get("id"), reason: form.get("reason") }),
  async ({ id, reason }, provider) => {
    const result = await allowEarlierTreatment(provider, id, reason);
    if (result.ok) revalidatePath(`/provider/requests/${id}`);
    return toActionState(result);
  },
);
