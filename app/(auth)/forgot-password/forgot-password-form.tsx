"use client";

import { useActionState } from "react";
import { FormAlert, TextField } from "../../components/auth-form-parts";
import { requestPasswordResetAction, type ForgotPasswordState } from "./request-password-reset-action";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(requestPasswordResetAction, {});
  if (state.message) {
    return (
      <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.error} />
      <TextField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.email} error={state.fieldErrors?.email} />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Sending the link…" : "Email me a link"}
      </button>
    </form>
  );
}
