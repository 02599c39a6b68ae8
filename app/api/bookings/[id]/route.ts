import { bookingAnswer, PATIENT_BOOKING } from "@/lib/booking/api-answers";
import { jsonRoute } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";

/** One of the caller's own bookings, as their booking page shows it (never the intake). */
export const GET = jsonRoute({ route: "/api/bookings/[id]", params: idParam, ...PATIENT_BOOKING }, async ({ user, params }) => bookingAnswer(user, params.id));
