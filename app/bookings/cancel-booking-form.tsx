"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { Input } from "../components/form-controls";
import { cancelBookingAction } from "./cancel-booking-action";

/** Either side's cancel form: an optional reason the other side reads, confirmed before sending. */
export function CancelBookingForm({ id, button, confirm, "aria-label": ariaLabel }: { id: string; button: string; confirm: string; "aria-label": string }) {
  return (
    <ActionForm action={cancelBookingAction} className="flex flex-wrap items-end gap-2" aria-label={ariaLabel} confirm={confirm}>
      {(state, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Input name="reason" id={`cancel-${id}`} label="Reason (optional)" maxLength={500} error={state.fieldErrors?.reason} />
          <SubmitButton pending={pending} pendingLabel="Cancelling…" variant="danger">
            {button}
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}
