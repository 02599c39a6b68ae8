import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { bookingCalendarFile } from "@/lib/booking/calendar";

export async function GET(_request: Request, { params }: RouteContext<"/api/bookings/[id]/ics">) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { message: "Sign in to download your calendar file." } }, { status: 401 });
  const { id } = await params;
  const file = await bookingCalendarFile(user, id);
  if (!file) return NextResponse.json({ error: { message: "No confirmed booking of yours has that id." } }, { status: 404 });
  return new Response(file.content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
