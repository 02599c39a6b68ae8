import type { appointmentKind } from "@/db/schema";

export type AppointmentKind = (typeof appointmentKind.enumValues)[number];

/** Each kind of visit as providers and patients read it; the schedule form offers them in this order. */
export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  initial_consultation: "Initial consultation",
  treatment: "Treatment session",
  follow_up: "Follow-up",
};
