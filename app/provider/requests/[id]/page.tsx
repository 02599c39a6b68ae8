import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getInboxBooking } from "@/lib/booking/inbox";
import { getOwnProvider } from "@/lib/listing/owner";
import { SuspensionNotice } from "../../suspension-notice";
import { BookingHeader, BookingNotesPanel, IntakeDetails } from "../booking-parts";

export const metadata: Metadata = { title: "Intake", robots: { index: false } };

// One booking with the patient's intake and what either side wrote: opened only when the provider
// asks, and each read of what the patient wrote audited.
export default async function InboxBookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const provider = await requireRole(["provider"], `/provider/requests/${id}`);
  const booking = await getInboxBooking(provider, id);
  if (!booking) {
    // Asked only once the intake was refused: a suspension says why instead of "not found".
    const own = await getOwnProvider(provider);
    if (!own?.suspendedAt) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Intake</h1>
        <SuspensionNotice reason={own.suspensionReason} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <Link href="/provider/requests" className="text-sm font-medium">
        ← All requests and appointments
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Intake of {booking.patient.name}</h1>
      <section aria-labelledby="appointment-heading" className="card p-5">
        <h2 id="appointment-heading" className="sr-only">
          Appointment
        </h2>
        <BookingHeader booking={booking} />
        <BookingNotesPanel booking={booking} />
      </section>
      <section aria-labelledby="intake-heading" className="card p-5">
        <h2 id="intake-heading" className="text-lg font-semibold text-slate-900">
          Answers
        </h2>
        <IntakeDetails booking={booking} />
      </section>
    </div>
  );
}
