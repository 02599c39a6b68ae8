import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listPaymentAnomalies } from "@/lib/payments/anomalies";
import { listFailedRefunds } from "@/lib/payments/deposits";
import { formatMoney } from "@/lib/ui/format";
import { RetryRefundButton } from "../../bookings/retry-refund-button";
import { LocalTime } from "../../components/local-time";
import { UnmatchedPayments } from "./unmatched-payments";

export const metadata: Metadata = { title: "Payments" };

export default async function AdminPaymentsPage() {
  const admin = await requireRole(["admin"], "/admin/payments");
  const [failed, anomalies] = await Promise.all([listFailedRefunds(admin), listPaymentAnomalies(admin)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Failed refunds</h1>
      <p className="max-w-prose text-slate-700">Refunds Stripe refused. Each stays here until a retry succeeds: none is dropped.</p>
      {failed.length === 0 ? <p className="text-slate-700">No failed refunds.</p> : null}
      <ul className="space-y-3">
        {failed.map((f) => (
          <li key={f.paymentId} className="card p-4">
            <p className="font-semibold text-slate-900">
              {formatMoney(f.amountCents)} to {f.patientEmail}
            </p>
            <p className="text-sm text-slate-700">
              Booking with {f.providerName}
              {f.refundRequestedAt ? (
                <>
                  {" "}
                  · asked <LocalTime iso={f.refundRequestedAt} />
                </>
              ) : null}
            </p>
            {f.refundError ? <p className="text-sm text-red-800">Stripe said: {f.refundError}</p> : null}
            <RetryRefundButton paymentId={f.paymentId} />
          </li>
        ))}
      </ul>
      <UnmatchedPayments anomalies={anomalies} />
    </div>
  );
}
