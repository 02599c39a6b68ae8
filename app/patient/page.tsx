import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getPatientBookingsOverview, type PatientBooking } from "@/lib/booking/queries";
import { canMoveOnline, isActive, STATUS_LABELS } from "@/lib/booking/state";
import { providersToReview } from "@/lib/reviews/reviews";
import { listSharingChoices } from "@/lib/diary/sharing";
import { getPatientTreatments, type TreatmentRecord } from "@/lib/treatments/records";
import { formatDate, formatMoney, isoDay } from "@/lib/ui/format";
import { getTreatmentResponse } from "@/lib/treatments/response-query";
import type { TreatmentResponse } from "@/lib/treatments/response";
import { LocalTime } from "../components/local-time";
import { PaymentLine } from "../components/payment-line";
import { PatientBookingActions } from "./booking-actions";
import { TreatmentResponseSummary } from "./treatment-response";
import { DiarySharing } from "./diary-sharing";
import { AuthorizationLine } from "./authorization-line";
import { VideoVisitLine } from "./video-visit-line";
import { listWaitlists } from "@/lib/waitlist/entries";
import { Waitlists } from "./waitlists";

export const metadata: Metadata = { title: "Your bookings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function BookingCard({ booking, upcoming }: { booking: PatientBooking; upcoming: boolean }) {
  return (
    <li className="card p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-semibold text-slate-900">
            <LocalTime iso={booking.startsAt} />
          </h3>
          <p className="text-sm text-slate-700">
            {booking.typeName} with <Link href={`/providers/${booking.provider.slug}`}>{booking.provider.name}, {booking.provider.credentials}</Link>
          </p>
          <p className="text-sm text-slate-700">
            {booking.telehealth ? "By video" : `${booking.locationName}, ${booking.locationAddress}`}
          </p>
          {upcoming ? <VideoVisitLine booking={booking} /> : null}
        </div>
        <span className={`tag ${booking.status === "confirmed" ? "bg-emerald-100 text-emerald-900" : isActive(booking.status) ? "bg-amber-100 text-amber-900" : ""}`}>
          {STATUS_LABELS[booking.status]}
        </span>
      </div>
      {booking.status === "requested" && booking.answerBy ? (
        <p className="mt-2 text-sm text-slate-800">
          {booking.proposedStartsAt ? "Answer the suggested time by " : `${booking.provider.name} has until `}
          <LocalTime iso={booking.answerBy} />
          {booking.proposedStartsAt ? "" : " to answer"}; otherwise the request lapses, the time is freed and any deposit is refunded in full.
        </p>
      ) : null}
      <AuthorizationLine booking={booking} />
      {booking.status === "expired" ? (
        <p className="mt-2 text-sm text-slate-800">Ended before it was settled: the deposit was not paid in time, or the request was not answered in time. Nothing is owed, and a paid deposit is refunded in full.</p>
      ) : null}
      {booking.status === "declined" && booking.declineReason ? <p className="mt-2 text-sm text-slate-800">Declined: {booking.declineReason}</p> : null}
      {booking.status === "cancelled" ? (
        <p className="mt-2 text-sm text-slate-800">
          Cancelled by {booking.cancelledBy === "provider" ? "the provider" : "you"}
          {booking.cancelReason ? `: ${booking.cancelReason}` : "."}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-slate-700">
        Fee {formatMoney(booking.feeCents)}
        {booking.depositCents > 0 ? ` · deposit ${formatMoney(booking.depositCents)}` : ""}
      </p>
      <PaymentLine payment={booking.payment} />
      {booking.status === "pending_payment" && upcoming ? (
        <Link href={`/pay/${booking.id}`} className="btn-primary mt-3">
          Pay the deposit
        </Link>
      ) : null}
      {upcoming ? (
        <PatientBookingActions
          id={booking.id}
          status={booking.status}
          providerName={booking.provider.name}
          proposedStartsAt={booking.proposedStartsAt}
          proposalNote={booking.proposalNote}
          movable={canMoveOnline({ startsAt: new Date(booking.startsAt), cancellationWindowHours: booking.cancellationWindowHours })}
          cancellation={{
            // A denied authorization makes cancelling free until the visit (lib/payments/refund-policy.ts).
            freeUntil: booking.authorization?.status === "denied" ? booking.startsAt : booking.freeCancellationUntil,
            windowHours: booking.cancellationWindowHours,
            depositCents: booking.depositCents,
            policy: booking.provider.cancellationPolicy,
          }}
        />
      ) : null}
    </li>
  );
}

/** The treatments had, newest first, and when the next may be: 84 days after the last, in the clinic's zone. */
function Treatments({ history, nextFrom, response }: { history: TreatmentRecord[]; nextFrom: string | null; response: TreatmentResponse }) {
  const last = history[0]!;
  return (
    <section aria-labelledby="treatments-heading" className="card p-5">
      <h2 id="treatments-heading" className="text-lg font-semibold text-slate-900">
        Your treatments
      </h2>
      {nextFrom ? (
        <p className="mt-1 text-slate-800">
          Next treatment from <time dateTime={isoDay(nextFrom)}>{formatDate(nextFrom)}</time>.{" "}
          <Link href={`/providers/${encodeURIComponent(last.provider.slug)}?${new URLSearchParams({ from: nextFrom })}#book-heading`}>See {last.provider.name}&apos;s times from then</Link>
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-700">Treatments are at least 12 weeks (84 days) apart, counted from the last one with any provider.</p>
      <ul className="mt-3 space-y-2">
        {history.map((t) => (
          <li key={t.bookingId} className="text-sm text-slate-800">
            <span className="font-medium text-slate-900">
              <time dateTime={isoDay(t.treatedOn)}>{formatDate(t.treatedOn)}</time>
            </span>{" "}
            with {t.provider.name}
            {t.details ? `: ${t.details.productLabel}, ${t.details.units} units, ${t.details.regions}` : ""}
          </li>
        ))}
      </ul>
      <TreatmentResponseSummary response={response} />
    </section>
  );
}

export default async function PatientBookingsPage({ searchParams }: { searchParams: SearchParams }) {
  const patient = await requireRole(["patient"], "/patient");
  const params = await searchParams;
  const [{ upcoming, past }, toReview, treatments, response, sharing, waitlists] = await Promise.all([
    getPatientBookingsOverview(patient),
    providersToReview(patient),
    getPatientTreatments(patient),
    getTreatmentResponse(patient),
    listSharingChoices(patient),
    listWaitlists(patient),
  ]);
  const find = (id: unknown) => (typeof id === "string" ? [...upcoming, ...past].find((b) => b.id === id) : undefined);
  const requested = find(params.requested);
  const moved = find(params.moved);
  const paid = find(params.paid);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your bookings</h1>
      {paid ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
          {paid.status === "requested"
            ? `Deposit paid. Your request is with ${paid.provider.name}, who will confirm it or suggest another time.`
            : paid.status === "confirmed" && paid.instant
              ? `Deposit paid. Your appointment with ${paid.provider.name} is confirmed; we've emailed you the details.`
              : paid.payment?.status === "refund_pending" || paid.payment?.status === "refunded"
                ? "Your payment arrived after the hold ended and the time was taken, so we refunded it in full. Please choose another time."
                : "Thank you. We are confirming your payment; this page updates when it arrives."}
        </p>
      ) : null}
      {params.payment === "cancelled" ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-slate-800">
          Payment cancelled: nothing was charged, and the time is free for others again.
        </p>
      ) : null}
      {requested ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
          {requested.status === "pending_payment"
            ? `Your time is held. Pay the deposit to ${requested.instant ? "confirm it: this visit is an instant booking" : "send your request to the provider"}.`
            : requested.status === "confirmed" && requested.instant
              ? `Booked and confirmed: ${requested.provider.name} offers instant booking for this visit. We've emailed you the details.`
              : `Request sent. ${requested.provider.name} will confirm it or suggest another time; we'll email you.`}
        </p>
      ) : null}
      {moved ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
          {moved.status === "confirmed" && moved.instant
            ? "Booking moved and confirmed. We've emailed you the new time."
            : `Booking moved. ${moved.provider.name} will confirm the new time; we'll email you.`}
        </p>
      ) : null}
      {toReview.length > 0 ? (
        <section aria-labelledby="review-heading" className="card p-5">
          <h2 id="review-heading" className="text-lg font-semibold text-slate-900">
            Review your visits
          </h2>
          <p className="mt-1 text-sm text-slate-700">Your review helps other patients choose. It shows your first name and last initial, or only &ldquo;Verified patient&rdquo;.</p>
          <ul className="mt-3 space-y-2">
            {toReview.map((p) => (
              <li key={p.slug}>
                <Link href={`/providers/${encodeURIComponent(p.slug)}#write-review`}>Write a review of {p.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Waitlists entries={waitlists} />
      {treatments.history.length > 0 ? <Treatments history={treatments.history} nextFrom={treatments.nextFrom} response={response} /> : null}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="text-lg font-semibold text-slate-900">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <p className="mt-2 text-slate-700">
            No upcoming appointments. <Link href="/providers">Find a provider</Link>.
          </p>
        ) : (
          <ul className="mt-3 space-y-3">
            {upcoming.map((b) => (
              <BookingCard key={b.id} booking={b} upcoming />
            ))}
          </ul>
        )}
      </section>
      <DiarySharing choices={sharing} />
      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="text-lg font-semibold text-slate-900">
            Past and closed
          </h2>
          <ul className="mt-3 space-y-3">
            {past.map((b) => (
              <BookingCard key={b.id} booking={b} upcoming={false} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
