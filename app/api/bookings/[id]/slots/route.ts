import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { rescheduleTimes } from "@/lib/booking/reschedule-times";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** The times the caller's own booking can move to (the reschedule page's panel). */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/bookings/[id]/slots">) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { message: "Sign in to move your booking." } }, { status: 401, headers: PRIVATE });
  if (user.role !== "patient") return NextResponse.json({ error: { message: "Only patients move their bookings here." } }, { status: 403, headers: PRIVATE });
  const { id } = await params;
  const search = request.nextUrl.searchParams;
  const result = await rescheduleTimes(user, id, { from: search.get("from"), to: search.get("to") });
  if (!result.ok) return NextResponse.json({ error: { message: result.message, ...(result.field ? { field: result.field } : {}) } }, { status: result.status, headers: PRIVATE });
  return NextResponse.json({ slots: result.slots }, { headers: PRIVATE });
}
