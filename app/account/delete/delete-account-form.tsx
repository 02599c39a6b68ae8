"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { deleteAccountAction } from "./delete-account-action";

export function DeleteAccountForm({ bookings }: { bookings: number }) {
  const confirm =
    bookings === 0
      ? "Delete your account for good? This cannot be undone."
      : `Delete your account for good and cancel ${bookings === 1 ? "1 upcoming booking" : `${bookings} upcoming bookings`}? This cannot be undone.`;
  return (
    <ActionForm action={deleteAccountAction} confirm={confirm} className="space-y-4" aria-label="Delete your account">
      {(state, pending) => (
        <>
          <FormMessage state={state} />
          <Input name="password" type="password" label="Your password" autoComplete="current-password" required error={state.fieldErrors?.password} hint="Asked again so that nobody using a device you left signed in can do this." />
          <SubmitButton pending={pending} pendingLabel="Deleting…" variant="danger">
            Delete my account
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
