"use server";

import { markNoShow } from "@/lib/booking/transitions";
import { bookingIdSchema } from "@/lib/booking/validation";
import { bookingAction, idFrom } from "../../bookings/booking-action";

export const noShowBookingAction = bookingAction(["provider"], bookingIdSchema, idFrom, ({ id }, provider) => markNoShow(provider, id));
