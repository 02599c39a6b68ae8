"use server";

import { confirmBooking } from "@/lib/booking/transitions";
import { bookingIdSchema } from "@/lib/booking/validation";
import { bookingAction, idFrom } from "../../bookings/booking-action";

export const confirmBookingAction = bookingAction(["provider"], bookingIdSchema, idFrom, ({ id }, provider) => confirmBooking(provider, id));
