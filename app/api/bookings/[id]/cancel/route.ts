import { PATIENT_BOOKING, transitionAnswer } from "@/lib/booking/api-answers";
import { cancelBodySchema } from "@/lib/booking/api-schemas";
import { cancelBooking } from "@/lib/booking/transitions";
import { jsonRoute } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";

/** Cancels the caller's booking: the same transition as the cancel button, with its refund rules. */
export const POST = jsonRoute(
  { route: "/api/bookings/[id]/cancel", params: idParam, ...PATIENT_BOOKING, body: { schema: cancelBodySchema, maxBytes: 8 * 1024 } },
  async ({ user, params, body }) => transitionAnswer(user, params.id, await cancelBooking(user, params.id, body.reason)),
);
