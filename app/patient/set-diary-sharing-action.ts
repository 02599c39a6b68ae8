"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { setDiarySharing } from "@/lib/diary/sharing";
import { diarySharingSchema } from "@/lib/diary/sharing-validation";

export const setDiarySharingAction = authorizedAction(
  ["patient"],
  diarySharingSchema,
  (form) => ({ providerSlug: form.get("providerSlug"), shared: form.get("shared") }),
  async ({ providerSlug, shared }, patient) => {
    const result = await setDiarySharing(patient, providerSlug, shared);
    if (result.ok) revalidatePath("/patient");
    return toActionState(result);
  },
);
