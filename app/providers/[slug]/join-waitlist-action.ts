"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/validated-action";
import { joinWaitlist } from "@/lib/waitlist/entries";
import { joinWaitlistSchema } from "@/lib/waitlist/validation";

/** "Tell me if an earlier time opens" on a profile. */
export const joinWaitlistAction = authorizedAction(
  ["patient"],
  joinWaitlistSchema,
  (form) => ({
    providerSlug: form.get("providerSlug"),
    appointmentTypeId: form.get("appointmentTypeId"),
    locationId: form.get("locationId") ?? undefined,
    fromDate: form.get("fromDate"),
    toDate: form.get("toDate"),
  }),
  async (input, patient) => {
    const result = await joinWaitlist(patient, input);
    if (!result.ok) return result.reason === "invalid" ? { error: result.message, fieldErrors: result.fieldErrors } : { error: result.message };
    revalidatePath("/patient");
    return { ok: true, message: "You are on the waitlist. We will email you when a time in those days opens, and hold it for you for 15 minutes." };
  },
);
