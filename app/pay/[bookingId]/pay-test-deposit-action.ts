"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/validated-action";
import { afterBookingChange } from "@/lib/booking/after-change";
import { completeTestCheckout } from "@/lib/payments/test-mode";

const schema = z.object({
  id: z.uuid({ message: "That booking no longer exists." }),
  choice: z.enum(["pay", "cancel"], { message: "Choose pay or cancel." }),
});

export const payTestDepositAction = authorizedAction(["patient"], schema, (form) => ({ id: form.get("id"), choice: form.get("choice") }), async ({ id, choice }, patient) => {
  const result = await completeTestCheckout(patient, id, choice);
  if (!result.ok) return { error: result.error };
  afterBookingChange();
  redirect(choice === "pay" ? `/patient?paid=${id}` : `/patient?payment=cancelled`);
});
