"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { removeLocationAction } from "./remove-location-action";

export function RemoveLocationButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionForm action={removeLocationAction} confirm={`Remove ${name}? Patients will no longer be able to book you there.`} aria-label={`Remove ${name}`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <SubmitButton pending={pending} pendingLabel="Removing…" variant="danger">
            Remove<span className="sr-only"> {name}</span>
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
