import { rescheduleTimes } from "@/lib/booking/reschedule-times";
import { jsonRoute, problem } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";

/** The times the caller's own booking can move to (the reschedule page's panel). */
export const GET = jsonRoute(
  { route: "/api/bookings/[id]/slots", params: idParam, auth: ["patient"], signedOut: "Sign in to move your booking.", wrongRole: "Only patients move their bookings here." },
  async ({ user, request, params }) => {
    const search = request.nextUrl.searchParams;
    const result = await rescheduleTimes(user, params.id, { from: search.get("from"), to: search.get("to") });
    if (!result.ok) return problem(result.status, result.message, { field: result.field });
    return Response.json({ slots: result.slots });
  },
);
