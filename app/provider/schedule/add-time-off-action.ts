"use server";

import { addTimeOff } from "@/lib/scheduling/settings";
import { timeOffSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const addTimeOffAction = scheduleAction(timeOffSchema, fieldsOf, (input, user) => addTimeOff(user, input));
