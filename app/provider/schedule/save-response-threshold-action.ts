"use server";

import { saveResponseThreshold } from "@/lib/scheduling/settings";
import { responseThresholdSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const saveResponseThresholdAction = scheduleAction(responseThresholdSchema, fieldsOf, (input, user) => saveResponseThreshold(user, input));
