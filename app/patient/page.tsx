import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getPatientBookingsOverview, type PatientBooking } from "@/lib/booking/queries";
import { isActive, STATUS_LABELS } from "@/lib/booking/state";
import { formatMoney } from "@/lib/ui/format";
import { LocalTime } from "../components/local-time";
import { PatientBookingActions } from "./booking-actions";

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
        </div>
        <span className={`tag ${booking.status === "confirmed" ? "bg-emerald-100 text-emerald-900" : isActive(booking.status) ? "bg-amber-100 text-amber-900" : ""}`}>
          {STATUS_LABELS[booking.status]}
        </span>
      </div>
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
      {upcoming ? (
        <PatientBookingActions
          id={booking.id}
          status={booking.status}
          providerName={booking.provider.name}
          proposedStartsAt={booking.proposedStartsAt}
          proposalNote={booking.proposalNote}
          cancellation={{
            freeUntil: booking.freeCancellationUntil,
            windowHours: booking.provider.cancellationWindowHours,
            depositCents: booking.depositCents,
            policy: booking.provider.cancellationPolicy,
          }}
        />
      ) : null}
    </li>
  );
}

export default async function PatientBookingsPage({ searchParams }: { searchParams: SearchParams }) {
  const patient = await requireRole(["patient"], "/patient");
  const params = await searchParams;
  const { upcoming, past } = await getPatientBookingsOverview(patient);
  const requested = typeof params.requested === "string" ? [...upcoming, ...past].find((b) => b.id === params.requested) : undefined;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your bookings</h1>
      {requested ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
          {requested.status === "pending_payment"
            ? "Your time is held. Pay the deposit to send your request to the provider."
            : `Request sent. ${requested.provider.name} will confirm it or suggest another time; we'll email you.`}
        </p>
      ) : null}
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
