"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { FormAlert, TextField } from "../../components/auth-form-parts";
import { resetPasswordAction, type ResetPasswordState } from "./reset-password-action";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.error} />
      {state.error && !state.fieldErrors ? (
        <p className="text-sm">
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={state.fieldErrors?.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save the new password"}
      </button>
    </form>
  );
}
