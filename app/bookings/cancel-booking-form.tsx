"use client";

import { ReasonForm } from "../components/action-form";
import { cancelBookingAction } from "./cancel-booking-action";

/** Either side's cancel form: an optional reason the other side reads, confirmed before sending. */
export function CancelBookingForm({ id, button, confirm, "aria-label": ariaLabel }: { id: string; button: string; confirm: string; "aria-label": string }) {
  return (
    <ReasonForm
      action={cancelBookingAction}
      fields={{ id }}
      label="Reason (optional)"
      inputId={`cancel-${id}`}
      pendingLabel="Cancelling…"
      confirm={confirm}
      className="flex flex-wrap items-end gap-2"
      aria-label={ariaLabel}
    >
      {button}
    </ReasonForm>
  );
}
