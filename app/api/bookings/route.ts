import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { afterBookingChange } from "@/lib/booking/after-change";
import { createBooking, listPatientBookings } from "@/lib/booking/queries";
import { parseBookingRequest } from "@/lib/booking/validation";

const PRIVATE = { "Cache-Control": "private, no-store" };
const MAX_BODY_BYTES = 64 * 1024;

function problem(status: number, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { message, ...extra } }, { status, headers: PRIVATE });
}

async function signedInPatient() {
  const user = await getCurrentUser();
  if (!user) return { response: problem(401, "Sign in to book a consultation.") };
  if (user.role !== "patient") return { response: problem(403, "Only patient accounts can book consultations.") };
  return { user };
}

/** The caller's own bookings. */
export async function GET() {
  const { user, response } = await signedInPatient();
  if (!user) return response;
  return NextResponse.json({ bookings: await listPatientBookings(user) }, { headers: PRIVATE });
}

/** Requests a consultation: the same function the booking page uses. */
export async function POST(request: NextRequest) {
  const { user, response } = await signedInPatient();
  if (!user) return response;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return problem(413, "That request is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, "Send the booking as a JSON object.");
  }
  const parsed = parseBookingRequest(body);
  if (!parsed.ok) return problem(400, parsed.message, { fields: parsed.fieldErrors });
  const result = await createBooking(user, parsed.request);
  if (result.ok) {
    afterBookingChange();
    return NextResponse.json({ id: result.id, status: result.status, ...(result.status === "pending_payment" ? { payUrl: `/pay/${result.id}` } : {}) }, { status: 201, headers: PRIVATE });
  }
  switch (result.reason) {
    case "taken":
      return NextResponse.json({ error: { message: result.message, code: "slot_taken" }, alternatives: result.alternatives }, { status: 409, headers: PRIVATE });
    case "limit":
      return problem(409, result.message, { code: "open_request_limit" });
    case "not_found":
      return problem(404, result.message);
    case "invalid":
      return problem(400, result.message, result.fieldErrors ? { fields: result.fieldErrors } : {});
  }
}
