import type { PaymentSummary } from "@/lib/booking/queries";
import { formatMoney } from "@/lib/ui/format";
import { LocalTime } from "./local-time";

/** Where a booking's deposit stands, in the same words for the patient and the provider. */
export function PaymentLine({ payment }: { payment: PaymentSummary | null }) {
  if (!payment) return null;
  const amount = formatMoney(payment.amountCents);
  const tone = payment.status === "refund_failed" ? "text-red-800" : payment.status === "paid" || payment.status === "refunded" ? "text-emerald-900" : "text-slate-700";
  return (
    <p className={`mt-2 text-sm ${tone}`}>
      {payment.status === "awaiting_payment" ? <>Deposit {amount} not paid yet{payment.lastPaymentError ? `: ${payment.lastPaymentError}` : "."}</> : null}
      {payment.status === "paid" ? (
        <>
          Deposit {amount} paid{payment.paidAt ? <> on <LocalTime iso={payment.paidAt} /></> : null}
          {payment.receipt ? <> · receipt {payment.receipt}</> : null}
        </>
      ) : null}
      {payment.status === "refund_pending" ? <>Refund of the {amount} deposit in progress.</> : null}
      {payment.status === "refunded" ? <>Deposit {amount} refunded{payment.refundedAt ? <> on <LocalTime iso={payment.refundedAt} /></> : null}.</> : null}
      {payment.status === "refund_failed" ? <>The refund of the {amount} deposit did not go through; the provider and our staff see it and can send it again.</> : null}
      {payment.status === "kept" ? <>Deposit {amount} kept, as the cancellation policy says.</> : null}
      {payment.status === "canceled" ? <>Deposit not paid; nothing was charged.</> : null}
    </p>
  );
}
