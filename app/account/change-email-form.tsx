"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { Input } from "../components/form-controls";
import { changeEmailAction } from "./change-email-action";

/** The new address and the current password; the password field empties after each answer. */
export function ChangeEmailForm() {
  return (
    <ActionForm action={changeEmailAction} className="space-y-4" resetOnSuccess aria-label="Change email">
      {(state, pending) => (
        <>
          <FormMessage state={state} />
          <Input name="newEmail" label="New email address" type="email" autoComplete="email" maxLength={254} required error={state.fieldErrors?.newEmail} />
          <Input
            name="password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            maxLength={200}
            required
            hint="So that nobody who finds this device signed in can take the account."
            error={state.fieldErrors?.password}
          />
          <SubmitButton pending={pending} pendingLabel="Sending the link…" variant="secondary">
            Email me a link to confirm
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
