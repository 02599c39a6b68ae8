"use server";

import { saveAppointmentType } from "@/lib/scheduling/settings";
import { appointmentTypeSchema } from "@/lib/scheduling/validation";
import { scheduleAction } from "./schedule-action";

export const saveAppointmentTypeAction = scheduleAction(
  appointmentTypeSchema,
  (form) => ({
    id: form.get("id") ?? "",
    kind: form.get("kind"),
    name: form.get("name"),
    minutes: form.get("minutes"),
    bufferAfterMinutes: form.get("bufferAfterMinutes") || "0",
    feeCents: form.get("fee"),
    depositCents: form.get("deposit") || "0",
    telehealthAllowed: form.get("telehealthAllowed") ?? "",
    confirmsAutomatically: form.get("confirmsAutomatically") ?? "",
  }),
  (input, user) => saveAppointmentType(user, input),
);
