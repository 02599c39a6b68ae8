"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { retryRefundAction } from "./retry-refund-action";

export function RetryRefundButton({ paymentId }: { paymentId: string }) {
  return (
    <ActionForm action={retryRefundAction} className="mt-2" aria-label="Retry the refund">
      {(state, pending) => (
        <>
          <input type="hidden" name="paymentId" value={paymentId} />
          <SubmitButton pending={pending} pendingLabel="Retrying…" variant="secondary">
            Retry refund
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
