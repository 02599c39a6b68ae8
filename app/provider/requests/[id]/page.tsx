import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getInboxBooking, type InboxBooking } from "@/lib/booking/inbox";
import { getOwnProvider } from "@/lib/listing/owner";
import { sharingPatientOfBooking } from "@/lib/diary/sharing";
import { hasOpenOverride } from "@/lib/treatments/overrides";
import { getBookingTreatment } from "@/lib/treatments/records";
import { formatDate } from "@/lib/ui/format";
import { SuspensionNotice } from "../../suspension-notice";
import { BookingHeader, BookingNotesPanel, IntakeDetails, TreatmentDetails } from "../booking-parts";
import { AllowEarlierTreatmentForm } from "../request-actions";
import { AuthorizationForm } from "../authorization-form";
import { localDate } from "@/lib/ui/time-zone";

export const metadata: Metadata = { title: "Intake", robots: { index: false } };

/** An upcoming treatment still to happen: what an insurer's prior authorization is recorded for. */
function awaitsVisit(booking: InboxBooking): boolean {
  return booking.kind === "treatment" && (booking.status === "requested" || booking.status === "confirmed") && Date.parse(booking.startsAt) > Date.now();
}

const clinicToday = (zone: string) => localDate(new Date(), zone);

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
  const [treatment, overrideOpen, sharingPatient] = await Promise.all([getBookingTreatment(provider, id), hasOpenOverride(provider, id), sharingPatientOfBooking(provider, id)]);
  return (
    <div className="space-y-6">
      <Link href="/provider/requests" className="text-sm font-medium">
        ← All requests and appointments
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Intake of {booking.patient.name}</h1>
      {sharingPatient ? (
        <p className="text-sm">
          {booking.patient.name} shares their diary with you: <Link href={`/provider/patients/${sharingPatient}`}>diary, scores and treatment response</Link>.
        </p>
      ) : null}
      <section aria-labelledby="appointment-heading" className="card p-5">
        <h2 id="appointment-heading" className="sr-only">
          Appointment
        </h2>
        <BookingHeader booking={booking} />
        <BookingNotesPanel booking={booking} />
      </section>
      {awaitsVisit(booking) ? (
        <section aria-labelledby="authorization-heading" className="card p-5">
          <h2 id="authorization-heading" className="text-lg font-semibold text-slate-900">
            Insurance prior authorization
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {booking.authorization
              ? `${booking.authorization.status === "submitted" ? "Submitted" : booking.authorization.status === "approved" ? "Approved" : "Denied"}${booking.authorization.submittedOn ? `; submitted ${formatDate(booking.authorization.submittedOn)}` : ""}${booking.authorization.decidedOn ? `; answered ${formatDate(booking.authorization.decidedOn)}` : ""}. The patient sees it on their bookings page.`
              : "For an insurance-paid treatment: while submitted, the patient sees the visit awaiting authorization; if denied, they may keep it at the self-pay price or cancel for a full refund."}
          </p>
          <div className="mt-3">
            <AuthorizationForm id={booking.id} current={booking.authorization?.status ?? null} today={clinicToday(booking.timeZone)} />
          </div>
        </section>
      ) : null}
      {treatment ? (
        <section aria-labelledby="treatment-heading" className="card p-5">
          <h2 id="treatment-heading" className="text-lg font-semibold text-slate-900">
            Treatment given on {formatDate(treatment.treatedOn)}
          </h2>
          <TreatmentDetails treatment={treatment} />
          <div className="mt-4 border-t border-slate-200 pt-4">
            {overrideOpen ? (
              <p className="text-sm text-slate-800">You allowed an earlier next treatment; the patient has not booked it yet.</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-700">
                  The next treatment can be booked from day 84. For a clinical reason you can let {booking.patient.name} book one with you sooner, once.
                </p>
                <AllowEarlierTreatmentForm id={booking.id} patient={booking.patient.name} />
              </>
            )}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="intake-heading" className="card p-5">
        <h2 id="intake-heading" className="text-lg font-semibold text-slate-900">
          Answers
        </h2>
        <IntakeDetails booking={booking} />
      </section>
    </div>
  );
}
