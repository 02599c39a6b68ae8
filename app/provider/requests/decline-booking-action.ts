"use server";

import { declineBooking } from "@/lib/booking/transitions";
import { declineSchema } from "@/lib/booking/validation";
import { bookingAction } from "../../bookings/booking-action";

export const declineBookingAction = bookingAction(
  ["provider"],
  declineSchema,
  (form) => ({ id: form.get("id"), reason: form.get("reason") }),
  ({ id, reason }, provider) => declineBooking(provider, id, reason),
);
