import { z } from "zod";
import { cancelSchema, rescheduleSchema } from "./validation";

// The bodies of POST /api/bookings/[id]/cancel and /reschedule: the page actions' own schemas,
// without the id, which the API takes from the path.
export const cancelBodySchema = cancelSchema.omit({ id: true }).meta({ id: "CancelBookingBody" });
export const rescheduleBodySchema = rescheduleSchema.omit({ id: true }).meta({ id: "RescheduleBookingBody" });
export type CancelBody = z.infer<typeof cancelBodySchema>;
