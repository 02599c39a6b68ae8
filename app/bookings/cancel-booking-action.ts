"use server";

import { cancelBooking } from "@/lib/booking/transitions";
import { cancelSchema } from "@/lib/booking/validation";
import { bookingAction } from "./booking-action";

// Either side may cancel; the booking's own patient or provider, checked in the query.
export const cancelBookingAction = bookingAction(
  ["patient", "provider"],
  cancelSchema,
  (form) => ({ id: form.get("id"), reason: form.get("reason") ?? "" }),
  ({ id, reason }, user) => cancelBooking(user, id, reason),
);
