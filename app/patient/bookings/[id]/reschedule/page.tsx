import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getPatientBooking } from "@/lib/booking/queries";
import { canMoveOnline, movingClosedMessage, nextStatus } from "@/lib/booking/state";
import { getListedProvider } from "@/lib/providers/queries";
import { nextTreatmentFrom } from "@/lib/treatments/interval-rule";
import { LocalTime } from "../../../../components/local-time";
import { BookingPanel } from "../../../../providers/[slug]/booking-panel";

export const metadata: Metadata = { title: "Reschedule" };

export default async function ReschedulePage({ params }: { params: Promise<{ id: string }> }) {
  const patient = await requireRole(["patient"], "/patient");
  const { id } = await params;
  const booking = await getPatientBooking(patient, id);
  if (!booking) notFound();
  const provider = await getListedProvider(booking.provider.slug);
  const type = provider?.appointmentTypes.find((t) => t.id === booking.appointmentTypeId);
  const location = provider?.locations.find((l) => l.id === booking.locationId);
  const startsAt = new Date(booking.startsAt);
  const open = nextStatus({ status: booking.status, startsAt }, "reschedule", "patient") !== null;
  const insideWindow = open && !canMoveOnline({ startsAt, cancellationWindowHours: booking.cancellationWindowHours });
  const movable = open && !insideWindow;
  // A treatment moves no earlier than the 84-day rule allows, counted without this booking itself.
  const treatmentFrom = movable && type?.kind === "treatment" && provider ? await nextTreatmentFrom(patient, provider.slug, new Date(), booking.id) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/patient">
          <span aria-hidden="true">←</span> Your bookings
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Reschedule</h1>
      <p className="text-slate-700">
        {booking.typeName} with {booking.provider.name}, now <LocalTime iso={booking.startsAt} />. Choose a new time at {booking.locationName};{" "}
        {booking.instant ? "as an instant booking it is confirmed at once." : "the provider confirms it again."}
      </p>
      {!movable || !provider || !type || !location ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
          {insideWindow ? movingClosedMessage(booking) : "This booking cannot be moved online. Cancel it and book a new time, or contact the provider."}
        </p>
      ) : (
        <BookingPanel slug={provider.slug} types={[type]} locations={[location]} horizonDays={provider.horizonDays} rescheduleBookingId={booking.id} treatmentFrom={treatmentFrom} />
      )}
    </div>
  );
}
