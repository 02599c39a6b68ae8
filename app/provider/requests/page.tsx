import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { ANSWER_RULE } from "@/lib/booking/answer-by";
import { getProviderInbox } from "@/lib/booking/inbox";
import { formatInstant, pluralize } from "@/lib/ui/format";
import { zoneName } from "@/lib/ui/time-zone";
import { SuspensionNotice } from "../suspension-notice";
import { BookingHeader, IntakeDetails } from "./booking-parts";
import { RequestActions, UpcomingActions, PastActions } from "./request-actions";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  const provider = await requireRole(["provider"], "/provider/requests");
  const { suspension, requests, upcoming, past } = await getProviderInbox(provider);
  if (suspension) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Requests</h1>
        <SuspensionNotice reason={suspension.reason} />
      </div>
    );
  }
  return (
    <div className="space-y-10">
      <section aria-labelledby="new-heading">
        <h1 id="new-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          Requests
        </h1>
        <p className="mt-1 text-slate-700">{requests.length === 0 ? "No new requests." : `${pluralize(requests.length, "request")} waiting for your answer, the most urgent first.`}</p>
        <p className="mt-1 text-sm text-slate-700">{ANSWER_RULE}</p>
        <ul className="mt-4 space-y-4">
          {requests.map((b) => (
            <li key={b.id} className="card p-5" aria-label={`Request from ${b.patient.name}`}>
              <BookingHeader booking={b} />
              {b.proposedStartsAt ? (
                <p className="mt-2 text-sm text-sky-900">
                  You proposed {formatInstant(b.proposedStartsAt, b.timeZone)}; waiting for the patient
                  {b.answerBy ? `, until ${formatInstant(b.answerBy, b.timeZone)}` : ""}.
                </p>
              ) : b.answerBy ? (
                <p className="mt-2 text-sm font-medium text-amber-900">Answer by {formatInstant(b.answerBy, b.timeZone)}, or the request lapses and any deposit is refunded.</p>
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
              <Link href={`/provider/requests/${b.id}`} className="mt-2 inline-block text-sm font-medium">
                Read the intake<span className="sr-only"> of {b.patient.name}</span>
              </Link>
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
                <Link href={`/provider/requests/${b.id}`} className="mt-2 inline-block text-sm font-medium">
                  Details<span className="sr-only"> of the booking with {b.patient.name}</span>
                </Link>
                {b.status === "confirmed" ? <PastActions id={b.id} patient={b.patient.name} treatment={b.kind === "treatment"} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
