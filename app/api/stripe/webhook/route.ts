import { afterBookingChange } from "@/lib/booking/after-change";
import { jsonRoute } from "@/lib/http/json-route";
import { safeString } from "@/lib/validation/text";
import { processWebhook } from "@/lib/payments/webhook";

// Stripe signs the exact bytes it sent, so the body is read raw and verified before any parsing;
// lib/payments does the rest. Stripe's events are far below 256 kB.
export const POST = jsonRoute({ route: "/api/stripe/webhook", body: { schema: safeString(), as: "text", maxBytes: 256 * 1024 }, cacheControl: "no-store" }, async ({ request, body }) => {
  const result = await processWebhook(body, request.headers.get("stripe-signature"));
  // Refunds and emails an event queued go out after the response; a duplicate queued nothing.
  if (result.body.outcome === "handled") afterBookingChange();
  return Response.json(result.body, { status: result.status });
});
