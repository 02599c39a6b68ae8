import { PATIENT_BOOKING, transitionAnswer } from "@/lib/booking/api-answers";
import { rescheduleBodySchema } from "@/lib/booking/api-schemas";
import { rescheduleBooking } from "@/lib/booking/transitions";
import { jsonRoute } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";

/** Moves the caller's booking to another free time (GET …/slots lists them); the provider confirms again. */
export const POST = jsonRoute(
  { route: "/api/bookings/[id]/reschedule", params: idParam, ...PATIENT_BOOKING, body: { schema: rescheduleBodySchema, maxBytes: 8 * 1024 } },
  async ({ user, params, body }) => transitionAnswer(user, params.id, await rescheduleBooking(user, params.id, new Date(body.start))),
);
