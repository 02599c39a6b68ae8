"use client";

import { useActionState } from "react";
import { FormAlert, TextField } from "../../components/auth-form-parts";
import { signInAction, type SignInState } from "./sign-in-action";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={state.error} />
      <TextField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.email} error={state.fieldErrors?.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
