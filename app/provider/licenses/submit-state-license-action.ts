"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { submitStateLicense } from "@/lib/licensing/queries";
import { trustDate } from "@/lib/licensing/trust";
import { stateLicenseSchema } from "@/lib/licensing/validation";
import { stateLicenseFormToInput } from "./license-form-input";

// Built per request: whether an expiry date has passed depends on today.
const schema = z.lazy(() => stateLicenseSchema(trustDate()));

export const submitStateLicenseAction = authorizedAction(["provider"], schema, stateLicenseFormToInput, async (input, user) => {
  const result = await submitStateLicense(user, input);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "License submitted.");
});
