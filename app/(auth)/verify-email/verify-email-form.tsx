"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "../../components/auth-form-parts";
import { verifyEmailAction, type VerifyEmailState } from "./verify-email-action";

/** One button, so a mail scanner that merely opens the link spends nothing. */
export function VerifyEmailForm({ token, next, label }: { token: string; next: string; label: string }) {
  const [state, action, pending] = useActionState<VerifyEmailState, FormData>(verifyEmailAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next} />
      <FormAlert message={state.error} />
      {state.error ? (
        <p className="text-sm">
          <Link href="/account">Go to your account</Link>
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Confirming…" : label}
      </button>
    </form>
  );
}
