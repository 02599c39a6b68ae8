import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { getProviderInbox, type InboxBooking } from "@/lib/booking/inbox";
import { STATUS_LABELS } from "@/lib/booking/state";
import { formatInstant, formatMoney, pluralize } from "@/lib/ui/format";
import { zoneName } from "@/lib/ui/time-zone";
import { LocalTime } from "../../components/local-time";
import { PaymentLine } from "../../components/payment-line";
import { RetryRefundButton } from "../../bookings/retry-refund-button";
import { RequestActions, UpcomingActions, PastActions } from "./request-actions";

export const metadata: Metadata = { title: "Requests" };

function IntakeDetails({ booking }: { booking: InboxBooking }) {
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

function When({ booking }: { booking: InboxBooking }) {
  return (
    <p className="text-sm text-slate-700">
      {formatInstant(booking.startsAt, booking.timeZone)} clinic time ({zoneName(booking.timeZone, new Date(booking.startsAt))}) · your time <LocalTime iso={booking.startsAt} />
    </p>
  );
}

function BookingHeader({ booking }: { booking: InboxBooking }) {
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

export default async function RequestsPage() {
  const provider = await requireRole(["provider"], "/provider/requests");
  const { requests, upcoming, past } = await getProviderInbox(provider);
  return (
    <div className="space-y-10">
      <section aria-labelledby="new-heading">
        <h1 id="new-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          Requests
        </h1>
        <p className="mt-1 text-slate-700">{requests.length === 0 ? "No new requests." : `${pluralize(requests.length, "request")} waiting for your answer, newest first.`}</p>
        <ul className="mt-4 space-y-4">
          {requests.map((b) => (
            <li key={b.id} className="card p-5" aria-label={`Request from ${b.patient.name}`}>
              <BookingHeader booking={b} />
              {b.proposedStartsAt ? (
                <p className="mt-2 text-sm text-sky-900">
                  You proposed {formatInstant(b.proposedStartsAt, b.timeZone)}; waiting for the patient.
                </p>
              ) : null}
              <IntakeDetails booking={b} />
              <RequestActions id={b.id} patient={b.patient.name} zoneLabel={zoneName(b.timeZone, new Date(b.startsAt))} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="text-xl font-semibold text-slate-900">
          Upcoming appointments
        </h2>
        {upcoming.length === 0 ? <p className="mt-2 text-slate-700">No confirmed appointments ahead.</p> : null}
        <ul className="mt-4 space-y-4">
          {upcoming.map((b) => (
            <li key={b.id} className="card p-5" aria-label={`Appointment with ${b.patient.name}`}>
              <BookingHeader booking={b} />
              <details className="mt-2">
                <summary className="text-sm font-medium text-brand-700">Intake</summary>
                <IntakeDetails booking={b} />
              </details>
              <UpcomingActions id={b.id} patient={b.patient.name} />
            </li>
          ))}
        </ul>
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="text-xl font-semibold text-slate-900">
            Past and closed
          </h2>
          <ul className="mt-4 space-y-3">
            {past.map((b) => (
              <li key={b.id} className="card p-4" aria-label={`Booking with ${b.patient.name}`}>
                <BookingHeader booking={b} />
                {b.status === "confirmed" ? <PastActions id={b.id} patient={b.patient.name} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
