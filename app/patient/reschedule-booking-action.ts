"use server";

import { rescheduleBooking } from "@/lib/booking/transitions";
import { rescheduleSchema } from "@/lib/booking/validation";
import { bookingAction } from "../bookings/booking-action";

export const rescheduleBookingAction = bookingAction(
  ["patient"],
  rescheduleSchema,
  (form) => ({ id: form.get("id"), start: form.get("start") }),
  ({ id, start }, patient) => rescheduleBooking(patient, id, new Date(start)),
);
