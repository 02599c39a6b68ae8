import { STATUS_LABELS } from "@/lib/booking/state";
import type { InboxBooking } from "@/lib/booking/inbox";
import type { TreatmentRecord } from "@/lib/treatments/records";
import { formatInstant, formatMoney } from "@/lib/ui/format";
import { zoneName } from "@/lib/ui/time-zone";
import { LocalTime } from "../../components/local-time";
import { PaymentLine } from "../../components/payment-line";
import { RetryRefundButton } from "../../bookings/retry-refund-button";

// The pieces of a booking the inbox and a single appointment's page both show.

export function IntakeDetails({ booking }: { booking: InboxBooking }) {
  const intake = booking.intake;
  if (booking.intakeUnreadable) {
    return (
      <p role="note" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
        This intake cannot be read: it was stored under another encryption key. Ask the patient for their history before the visit.
      </p>
    );
  }
  if (!intake) return null;
  return (
    <div className="mt-3 space-y-3">
      {intake.safetyFlags.length > 0 ? (
        <div role="note" className="rounded-lg border-2 border-red-300 bg-red-50 px-4 py-3 text-red-950">
          <p className="font-semibold">Safety answers to review before treatment</p>
          <ul className="mt-1 list-disc pl-5">
            {intake.safetyFlags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-emerald-900">No to every safety question.</p>
      )}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-900">Wants treatment for</dt>
        <dd className="text-slate-800">{intake.condition}</dd>
        <dt className="font-medium text-slate-900">Symptoms</dt>
        <dd className="whitespace-pre-line text-slate-800">{intake.symptoms}</dd>
        <dt className="font-medium text-slate-900">For</dt>
        <dd className="text-slate-800">{intake.duration}</dd>
        <dt className="font-medium text-slate-900">Pain (0–10)</dt>
        <dd className="text-slate-800">{intake.painScore}</dd>
        {intake.headacheDaysPerMonth !== null ? (
          <>
            <dt className="font-medium text-slate-900">Headache days a month</dt>
            <dd className="text-slate-800">{intake.headacheDaysPerMonth}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-900">Tried</dt>
        <dd className="text-slate-800">{intake.treatmentsTried.length > 0 ? intake.treatmentsTried.join(", ") : "Nothing listed"}</dd>
        {intake.preventivesTried ? (
          <>
            <dt className="font-medium text-slate-900">Migraine preventives</dt>
            <dd className="text-slate-800">{intake.preventivesTried.length > 0 ? intake.preventivesTried.join("; ") : "None tried"}</dd>
          </>
        ) : null}
        {intake.earlierBotox ? (
          <>
            <dt className="font-medium text-slate-900">Earlier Botox</dt>
            <dd className="whitespace-pre-line text-slate-800">{intake.earlierBotox}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-900">Medicines</dt>
        <dd className="whitespace-pre-line text-slate-800">{intake.medicines || "None listed"}</dd>
        <dt className="font-medium text-slate-900">Allergies</dt>
        <dd className="whitespace-pre-line text-slate-800">{intake.allergies || "None listed"}</dd>
        <dt className="font-medium text-slate-900">Paying</dt>
        <dd className="text-slate-800">{intake.payment}</dd>
      </dl>
    </div>
  );
}

/** What either side wrote about the booking, on its own page: opened there, never in the lists. */
export function BookingNotesPanel({ booking }: { booking: InboxBooking }) {
  const { notes } = booking;
  if (!notes) return null;
  const lines: string[] = [];
  if (booking.status === "declined") lines.push(notes.declineReason ? `You declined: ${notes.declineReason}` : "You declined this request.");
  if (booking.status === "cancelled") {
    const by = booking.cancelledBy === "provider" ? "you" : "the patient";
    lines.push(`Cancelled by ${by}${notes.cancelReason ? `: ${notes.cancelReason}` : "."}`);
  }
  if (booking.proposedStartsAt && notes.proposalNote) lines.push(`Your note with the proposed time: ${notes.proposalNote}`);
  if (lines.length === 0) return null;
  return (
    <div className="mt-3 space-y-1 text-sm text-slate-800">
      {lines.map((line) => (
        <p key={line} className="whitespace-pre-line">
          {line}
        </p>
      ))}
    </div>
  );
}

function When({ booking }: { booking: InboxBooking }) {
  return (
    <p className="text-sm text-slate-700">
      {formatInstant(booking.startsAt, booking.timeZone)} clinic time ({zoneName(booking.timeZone, new Date(booking.startsAt))}) · your time <LocalTime iso={booking.startsAt} />
    </p>
  );
}

export function BookingHeader({ booking }: { booking: InboxBooking }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <h3 className="text-lg font-semibold text-slate-900">{booking.patient.name}</h3>
        <When booking={booking} />
        <p className="text-sm text-slate-700">
          {booking.typeName} · {booking.telehealth ? "by video" : booking.locationName} · {formatMoney(booking.feeCents)}
          {booking.depositCents > 0 ? ` (deposit ${formatMoney(booking.depositCents)})` : ""}
        </p>
        <p className="text-sm text-slate-700">{booking.patient.email}</p>
        <PaymentLine payment={booking.payment} />
        {booking.payment?.status === "refund_failed" ? <RetryRefundButton paymentId={booking.payment.id} /> : null}
      </div>
      <span className="tag">{STATUS_LABELS[booking.status]}</span>
    </div>
  );
}

/** What a treatment gave; units only ever beside their own product. */
export function TreatmentDetails({ treatment }: { treatment: TreatmentRecord }) {
  const { details } = treatment;
  if (!details) return <p className="mt-2 text-sm text-amber-950">This record cannot be read: it was stored under another encryption key.</p>;
  return (
    <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
      <dt className="font-medium text-slate-900">Product</dt>
      <dd className="text-slate-800">{details.productLabel}</dd>
      <dt className="font-medium text-slate-900">Total units</dt>
      <dd className="text-slate-800">{details.units}</dd>
      <dt className="font-medium text-slate-900">Regions or sites</dt>
      <dd className="text-slate-800">{details.regions}</dd>
      {details.lot ? (
        <>
          <dt className="font-medium text-slate-900">Lot</dt>
          <dd className="text-slate-800">{details.lot}</dd>
        </>
      ) : null}
    </dl>
  );
}
