"use client";

import { ActionButton } from "../components/action-form";
import { retryRefundAction } from "./retry-refund-action";

export function RetryRefundButton({ paymentId }: { paymentId: string }) {
  return (
    <ActionButton action={retryRefundAction} fields={{ paymentId }} className="mt-2" aria-label="Retry the refund" pendingLabel="Retrying…" variant="secondary">
      Retry refund
    </ActionButton>
  );
}
