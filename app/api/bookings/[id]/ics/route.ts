import { bookingCalendarFile } from "@/lib/booking/calendar";
import { jsonRoute, problem } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";

export const GET = jsonRoute(
  { route: "/api/bookings/[id]/ics", params: idParam, auth: ["patient", "provider", "admin"], signedOut: "Sign in to download your calendar file." },
  async ({ user, params }) => {
    const file = await bookingCalendarFile(user, params.id);
    if (!file) return problem(404, "No confirmed booking of yours has that id.");
    return new Response(file.content, {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${file.filename}"` },
    });
  },
);
