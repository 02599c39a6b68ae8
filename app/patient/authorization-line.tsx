import type { PatientBooking } from "@/lib/booking/patient-booking-schema";
import { formatDate, formatMoney } from "@/lib/ui/format";

/** The insurer's prior authorization of a treatment, in words, with what a denial lets the patient do. */
export function AuthorizationLine({ booking }: { booking: PatientBooking }) {
  const a = booking.authorization;
  if (!a || (booking.status !== "requested" && booking.status !== "confirmed")) return null;
  if (a.status === "submitted") {
    return (
      <p className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        Awaiting authorization: {booking.provider.name} asked your insurer to approve this treatment{a.submittedOn ? ` on ${formatDate(a.submittedOn)}` : ""}. We will let you know the answer.
      </p>
    );
  }
  if (a.status === "approved") {
    return <p className="mt-2 text-sm text-emerald-900">Authorized by your insurer{a.decidedOn ? ` on ${formatDate(a.decidedOn)}` : ""}.</p>;
  }
  return (
    <p role="note" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      Your insurer did not authorize this treatment{a.decidedOn ? ` (${formatDate(a.decidedOn)})` : ""}. You can keep the visit at the self-pay price of {formatMoney(booking.feeCents)}, or cancel it
      now for a full refund of any deposit, whatever the cancellation window.
    </p>
  );
}
