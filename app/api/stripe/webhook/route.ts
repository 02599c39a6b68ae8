import { NextResponse, type NextRequest } from "next/server";
import { afterBookingChange } from "@/lib/booking/after-change";
import { processWebhook } from "@/lib/payments/webhook";

// Stripe signs the exact bytes it sent, so the body is read raw and verified before any parsing;
// lib/payments does the rest.
export async function POST(request: NextRequest) {
  const result = await processWebhook(await request.text(), request.headers.get("stripe-signature"));
  // Refunds and emails an event queued go out after the response; a duplicate queued nothing.
  if (result.body.outcome === "handled") afterBookingChange();
  return NextResponse.json(result.body, { status: result.status });
}
