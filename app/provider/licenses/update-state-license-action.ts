"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { updateStateLicense } from "@/lib/licensing/queries";
import { trustDate } from "@/lib/licensing/trust";
import { licenseIdSchema, stateLicenseSchema } from "@/lib/licensing/validation";
import { stateLicenseFormToInput } from "./license-form-input";

const schema = z.lazy(() => stateLicenseSchema(trustDate()).extend(licenseIdSchema.shape));

export const updateStateLicenseAction = authorizedAction(
  ["provider"],
  schema,
  (form) => ({ ...stateLicenseFormToInput(form), id: form.get("id") }),
  async ({ id, ...input }, user) => {
    const result = await updateStateLicense(user, id, input);
    if (result.ok) revalidatePath("/provider", "layout");
    return toActionState(result, "License saved.");
  },
);
