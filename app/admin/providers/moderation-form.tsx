"use client";

import { ActionButton, ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { reinstateProviderAction } from "./reinstate-provider-action";
import { suspendProviderAction } from "./suspend-provider-action";

export function ModerationForm({ providerId, name, suspended }: { providerId: string; name: string; suspended: boolean }) {
  if (suspended) {
    return (
      <ActionButton action={reinstateProviderAction} fields={{ providerId }} className="space-y-2" aria-label={`Reinstate ${name}`} pendingLabel="Reinstating…" variant="secondary">
        Reinstate<span className="sr-only"> {name}</span>
      </ActionButton>
    );
  }
  return (
    <ActionForm action={suspendProviderAction} className="flex flex-wrap items-end gap-2" aria-label={`Suspend ${name}`} confirm={`Suspend ${name}? They leave search and cannot be booked until reinstated.`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="providerId" value={providerId} />
          <Input name="reason" id={`suspend-${providerId}`} label="Reason" error={state.fieldErrors?.reason} maxLength={500} />
          <SubmitButton pending={pending} pendingLabel="Suspending…" variant="danger">
            Suspend<span className="sr-only"> {name}</span>
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}
