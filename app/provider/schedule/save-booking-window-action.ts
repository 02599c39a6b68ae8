"use server";

import { saveBookingWindow } from "@/lib/scheduling/settings";
import { bookingWindowSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const saveBookingWindowAction = scheduleAction(bookingWindowSchema, fieldsOf, (input, user) => saveBookingWindow(user, input));
