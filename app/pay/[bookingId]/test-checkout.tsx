"use client";

import { ActionForm, FormMessage } from "../../components/action-form";
import { payTestDepositAction } from "./pay-test-deposit-action";

/** The stand-in for Stripe Checkout when no Stripe key is configured; no money moves. */
export function TestCheckout({ bookingId }: { bookingId: string }) {
  return (
    <section aria-labelledby="test-mode-heading" className="mt-6 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 p-6">
      <h2 id="test-mode-heading" className="text-lg font-semibold text-amber-950">
        Test-payment mode
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        No Stripe account is connected, so no card is charged. These buttons send the same signed events Stripe would, through the same code.
      </p>
      <ActionForm action={payTestDepositAction} className="mt-4 flex flex-wrap gap-3" aria-label="Test payment">
        {(state, pending) => (
          <>
            <input type="hidden" name="id" value={bookingId} />
            <button type="submit" name="choice" value="pay" className="btn-primary" disabled={pending} aria-busy={pending}>
              {pending ? "Working…" : "Pay test deposit"}
            </button>
            <button type="submit" name="choice" value="cancel" className="btn-secondary" disabled={pending}>
              Cancel
            </button>
            <div className="w-full">
              <FormMessage state={state} />
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}
