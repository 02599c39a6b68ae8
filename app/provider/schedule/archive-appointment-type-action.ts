"use server";

import { archiveAppointmentType } from "@/lib/scheduling/settings";
import { appointmentTypeIdSchema } from "@/lib/scheduling/validation";
import { fieldsOf, scheduleAction } from "./schedule-action";

export const archiveAppointmentTypeAction = scheduleAction(appointmentTypeIdSchema, fieldsOf, ({ id }, user) => archiveAppointmentType(user, id));
