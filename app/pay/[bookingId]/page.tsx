import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getPatientBooking } from "@/lib/booking/queries";
import { isTestPaymentMode } from "@/lib/payments/gateway";
import { startDepositCheckout } from "@/lib/payments/deposits";
import { formatMoney } from "@/lib/ui/format";
import { LocalTime } from "../../components/local-time";
import { TestCheckout } from "./test-checkout";

// No Referer from the payment page (see lib/security/headers.ts), also when reached by a client navigation.
export const metadata: Metadata = { title: "Pay the deposit", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ bookingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PayPage({ params, searchParams }: Props) {
  const { bookingId } = await params;
  const patient = await requireRole(["patient"], `/pay/${bookingId}`);
  const booking = await getPatientBooking(patient, bookingId);
  if (!booking || booking.status !== "pending_payment" || !booking.holdExpiresAt) redirect("/patient");
  const cancelled = (await searchParams).cancelled === "1";

  // Test payments open their session the same way, so the webhook can match it like Stripe's.
  const checkout = cancelled && !isTestPaymentMode() ? null : await startDepositCheckout(patient, booking.id);
  if (checkout?.ok && !isTestPaymentMode()) redirect(checkout.url);
  if (checkout && !checkout.ok) {
    return (
      <div className="container-page max-w-xl py-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Pay the deposit</h1>
        <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-800">
          {checkout.error}
        </p>
        <Link href="/patient" className="btn-secondary mt-6">
          Your bookings
        </Link>
      </div>
    );
  }

  return (
    <div className="container-page max-w-xl py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Pay the deposit</h1>
      <dl className="card mt-6 space-y-3 p-6 text-sm">
        <div>
          <dt className="font-medium text-slate-900">Deposit</dt>
          <dd className="text-lg font-semibold text-slate-900">{formatMoney(booking.depositCents)}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">For</dt>
          <dd className="text-slate-700">
            {booking.typeName} with {booking.provider.name}, <LocalTime iso={booking.startsAt} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Time held until</dt>
          <dd className="text-slate-700">
            <LocalTime iso={booking.holdExpiresAt} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Then</dt>
          <dd className="text-slate-700">
            {booking.instant
              ? "Instant booking: your appointment is confirmed as soon as the deposit is paid."
              : `Your request goes to ${booking.provider.name}, who confirms it or suggests another time.`}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Refunds</dt>
          <dd className="text-slate-700">
            In full if the provider declines or cancels, or if you cancel at least {booking.cancellationWindowHours} hours before. Later, or if you
            miss the visit, the deposit is kept, and the visit can be moved only by the clinic. {booking.provider.cancellationPolicy}
          </dd>
        </div>
      </dl>
      {cancelled && !isTestPaymentMode() ? (
        <p className="mt-4 text-slate-700">
          Payment was not completed. <Link href={`/pay/${booking.id}`}>Try again</Link> before the hold ends, or leave it and the time is released.
        </p>
      ) : (
        <TestCheckout bookingId={booking.id} />
      )}
    </div>
  );
}
