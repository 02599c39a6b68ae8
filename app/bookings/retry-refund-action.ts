"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { afterBookingChange } from "@/lib/booking/after-change";
import { retryRefund } from "@/lib/payments/deposits";

// The booking's provider (checked in the query, and not while suspended) or an admin.
export const retryRefundAction = authorizedAction(
  ["provider", "admin"],
  z.object({ paymentId: z.uuid({ message: "That payment no longer exists." }) }),
  (form) => ({ paymentId: form.get("paymentId") }),
  async ({ paymentId }, user) => {
    const result = await retryRefund(user, paymentId);
    if (result.ok) {
      revalidatePath("/provider/requests");
      revalidatePath("/admin/payments");
      afterBookingChange();
    }
    return toActionState(result, "Refund queued again.");
  },
);
