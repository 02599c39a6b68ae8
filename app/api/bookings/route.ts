import { afterBookingChange } from "@/lib/booking/after-change";
import { createBooking, listPatientBookings } from "@/lib/booking/queries";
import { bookingRequestSchema } from "@/lib/booking/validation";
import { jsonRoute, problem } from "@/lib/http/json-route";

const PATIENTS = {
  auth: ["patient"] as const,
  signedOut: "Sign in to book a consultation.",
  wrongRole: "Only patient accounts can book consultations.",
};

/** The caller's own bookings. */
export const GET = jsonRoute({ route: "/api/bookings", ...PATIENTS }, async ({ user }) => Response.json({ bookings: await listPatientBookings(user) }));

/** Requests a consultation: the same function the booking page uses. */
export const POST = jsonRoute({ route: "/api/bookings", ...PATIENTS, body: { schema: bookingRequestSchema, maxBytes: 64 * 1024 } }, async ({ user, body }) => {
  const result = await createBooking(user, body);
  if (result.ok) {
    afterBookingChange();
    return Response.json({ id: result.id, status: result.status, ...(result.status === "pending_payment" ? { payUrl: `/pay/${result.id}` } : {}) }, { status: 201 });
  }
  switch (result.reason) {
    case "taken":
      return problem(409, result.message, { code: "slot_taken", alternatives: result.alternatives });
    case "too_soon":
      return problem(409, result.message, { code: "too_soon_for_treatment", earliest: result.earliest });
    case "limit":
      return problem(409, result.message, { code: "open_request_limit" });
    case "unlicensed_state":
      return problem(409, result.message, { code: "not_licensed_in_state", licensedStates: result.licensedStates });
    case "unverified":
      return problem(403, result.message, { code: "email_unverified" });
    case "not_found":
      return problem(404, result.message);
    case "invalid":
      return problem(400, result.message, result.fieldErrors ? { fields: result.fieldErrors } : {});
  }
});
