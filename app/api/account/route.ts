import { deleteAccount } from "@/lib/account/delete";
import { clientAddress } from "@/lib/auth/client-ip";
import { afterBookingChange } from "@/lib/booking/after-change";
import { deleteAccountSchema } from "@/lib/auth/validation";
import { jsonRoute, problem } from "@/lib/http/json-route";

const STATUS = { wrong_password: 403, not_closable: 403, suspended: 409, busy: 503, locked: 429 } as const;

// DELETE /api/account {"password"}: the same deletion as /account/delete (lib/account/delete.ts).
export const DELETE = jsonRoute(
  { route: "/api/account", auth: ["patient", "provider", "admin"], body: { schema: deleteAccountSchema, maxBytes: 1_000 } },
  async ({ request, user, body }) => {
    const result = await deleteAccount(user, { password: body.password, ip: clientAddress(request.headers) });
    if (!result.ok) {
      const headers: HeadersInit = result.reason === "locked" ? { "Retry-After": String(result.retryAfterMinutes * 60) } : {};
      return problem(STATUS[result.reason], result.message, { code: result.reason }, headers);
    }
    afterBookingChange();
    return Response.json({ deleted: true, bookingsCancelled: result.bookingsCancelled });
  },
);
