"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/validated-action";
import { afterBookingChange } from "@/lib/booking/after-change";
import { leaveWaitlist } from "@/lib/waitlist/entries";
import { waitlistEntryIdSchema } from "@/lib/waitlist/validation";

/** Leaves one of the patient's waitlists, from the dashboard or the offer email's leave page. */
export const leaveWaitlistAction = authorizedAction(["patient"], waitlistEntryIdSchema, (form) => ({ id: form.get("id") }), async ({ id }, patient) => {
  const result = await leaveWaitlist(patient, id);
  if (!result.ok) return { error: result.message };
  // A time held for them may have gone to the next patient, whose email goes out now.
  afterBookingChange();
  revalidatePath("/patient");
  return { ok: true, message: "You left the waitlist." };
});
