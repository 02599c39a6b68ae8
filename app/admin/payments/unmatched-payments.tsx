import type { PaymentAnomaly } from "@/lib/payments/anomalies";
import { formatMoney } from "@/lib/ui/format";
import { LocalTime } from "../../components/local-time";

const REASONS: Record<PaymentAnomaly["reason"], string> = {
  unknown_booking: "names no booking of ours",
  session_mismatch: "is not the checkout session we created for the booking",
  amount_mismatch: "paid another amount than the deposit",
  currency_mismatch: "paid in another currency than the deposit",
  already_paid: "is a second payment of a deposit already paid",
};

const money = (cents: number | null, currency: string | null) => (cents === null ? "no amount" : currency?.toLowerCase() === "usd" ? formatMoney(cents) : `${cents} (${currency ?? "no currency"}, minor units)`);

/** Signed payment events that changed nothing because they matched no deposit. */
export function UnmatchedPayments({ anomalies }: { anomalies: PaymentAnomaly[] }) {
  return (
    <section aria-labelledby="unmatched-heading" className="space-y-3">
      <h2 id="unmatched-heading" className="text-xl font-bold tracking-tight text-slate-900">
        Unmatched payments
      </h2>
      <p className="max-w-prose text-slate-700">
        Payment events that carried a valid signature but did not match the deposit they named. None of them changed a booking or a payment; look each one up in
        Stripe&apos;s dashboard by its event id, and refund it there if money moved.
      </p>
      {anomalies.length === 0 ? <p className="text-slate-700">No unmatched payments.</p> : null}
      <ul className="space-y-3">
        {anomalies.map((a) => (
          <li key={a.id} className="card p-4 text-sm">
            <p className="font-semibold text-slate-900">
              {money(a.received.amountCents, a.received.currency)}: the event {REASONS[a.reason]}
            </p>
            <p className="text-slate-700">
              Received <LocalTime iso={a.receivedAt} /> · event <code className="break-all">{a.stripeEventId}</code>
              {a.checkoutSessionId ? (
                <>
                  {" "}
                  · session <code className="break-all">{a.checkoutSessionId}</code>
                </>
              ) : null}
            </p>
            {a.expected ? (
              <p className="text-slate-700">
                The deposit asks {money(a.expected.amountCents, a.expected.currency)}
                {a.expected.checkoutSessionId ? (
                  <>
                    {" "}
                    through session <code className="break-all">{a.expected.checkoutSessionId}</code>
                  </>
                ) : null}
                .
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
