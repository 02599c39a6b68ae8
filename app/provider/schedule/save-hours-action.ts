"use server";

import { saveWeeklyHours } from "@/lib/scheduling/settings";
import { weeklyHoursSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const saveHoursAction = scheduleAction(weeklyHoursSchema, fieldsOf, (input, user) => saveWeeklyHours(user, input));
