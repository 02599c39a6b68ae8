"use server";

import { rescheduleBooking } from "@/lib/booking/transitions";
import { rescheduleSchema } from "@/lib/booking/validation";
import { bookingAction } from "../bookings/booking-action";

// A move ends on the dashboard, which says what happened: the reschedule page itself may no longer
// offer times once the visit is inside the free-cancellation window.
export const rescheduleBookingAction = bookingAction(
  ["patient"],
  rescheduleSchema,
  (form) => ({ id: form.get("id"), start: form.get("start") }),
  ({ id, start }, patient) => rescheduleBooking(patient, id, new Date(start)),
  (input) => `/patient?moved=${encodeURIComponent(input.id)}`,
);
