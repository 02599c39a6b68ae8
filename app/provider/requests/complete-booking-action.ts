"use server";

import { markCompleted } from "@/lib/booking/transitions";
import { bookingIdSchema } from "@/lib/booking/validation";
import { bookingAction, idFrom } from "../../bookings/booking-action";

export const completeBookingAction = bookingAction(["provider"], bookingIdSchema, idFrom, ({ id }, provider) => markCompleted(provider, id));
