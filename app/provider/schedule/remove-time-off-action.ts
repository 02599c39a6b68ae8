"use server";

import { removeTimeOff } from "@/lib/scheduling/settings";
import { timeOffIdSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const removeTimeOffAction = scheduleAction(timeOffIdSchema, fieldsOf, ({ id }, user) => removeTimeOff(user, id));
