import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { ownBookings } from "@/lib/booking/ownership";
import { notifyAuthorizationDecided } from "@/lib/notifications/booking-emails";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { addDays, localDate } from "@/lib/ui/time-zone";
import { isTreatmentBooking } from "./records";
import type { AuthorizationInput } from "./validation";

// Prior authorization of an insurance-paid treatment (issue 14, part 5): the provider records that
// they submitted the request to the insurer, and the insurer's answer, each with its date. While
// submitted the patient sees the visit "awaiting authorization"; once denied, the patient may keep
// it at the self-pay price or cancel it for a full refund of any deposit, whatever the window
// (lib/payments/refund-policy.ts).

export type AuthorizationResult = { ok: true; message: string } | { ok: false; error: string };

const MESSAGES = { submitted: "Recorded as submitted to the insurer.", approved: "Recorded as approved. The patient has been told.", denied: "Recorded as denied. The patient has been told and may cancel for a full refund." };

export async function recordAuthorization(provider: CurrentUser, input: AuthorizationInput, now: Date = new Date()): Promise<AuthorizationResult> {
  assertRole(provider, ["provider"], "only the treating provider records an authorization");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx): Promise<AuthorizationResult> => {
    const [booking] = await tx.select().from(bookings).where(and(eq(bookings.id, input.id), ownBookings(provider))).for("update");
    if (!booking) return { ok: false, error: "This booking no longer exists, or is not yours. Reload the page." };
    if (!(await isTreatmentBooking(tx, booking))) return { ok: false, error: "Prior authorization is recorded for treatment visits only." };
    if ((booking.status !== "requested" && booking.status !== "confirmed") || booking.startsAt.getTime() <= now.getTime()) {
      return { ok: false, error: "Only an upcoming treatment that is requested or confirmed can wait for authorization." };
    }
    const today = localDate(now, booking.timeZone);
    if (input.on > today || input.on < addDays(today, -365)) return { ok: false, error: "Give a date within the last year, not in the future." };
    const submittedOn = input.status === "submitted" ? input.on : (booking.authorizationSubmittedOn ?? input.on);
    if (input.status !== "submitted" && input.on < submittedOn) return { ok: false, error: "The insurer's answer cannot come before the request was submitted." };
    await tx
      .update(bookings)
      .set({ authorizationStatus: input.status, authorizationSubmittedOn: submittedOn, authorizationDecidedOn: input.status === "submitted" ? null : input.on, updatedAt: now })
      .where(eq(bookings.id, booking.id));
    await recordAudit(tx, { actorId: provider.id, action: "booking.authorization", subjectType: "booking", subjectId: booking.id, details: { status: input.status } });
    if (input.status !== "submitted") await notifyAuthorizationDecided(tx, booking.id);
    return { ok: true, message: MESSAGES[input.status] };
  });
}
