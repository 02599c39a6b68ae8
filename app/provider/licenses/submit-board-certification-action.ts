"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { submitBoardCertification } from "@/lib/licensing/queries";
import { trustDate } from "@/lib/licensing/trust";
import { boardCertificationSchema } from "@/lib/licensing/validation";

const schema = z.lazy(() => boardCertificationSchema(trustDate()));

export const submitBoardCertificationAction = authorizedAction(
  ["provider"],
  schema,
  (form) => ({ issuer: form.get("issuer"), number: form.get("number"), expiresOn: form.get("expiresOn") ?? "" }),
  async (input, user) => {
    const result = await submitBoardCertification(user, input);
    if (result.ok) revalidatePath("/provider", "layout");
    return toActionState(result, "Certification submitted.");
  },
);
