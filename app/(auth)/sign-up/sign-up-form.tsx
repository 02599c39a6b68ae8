"use client";

import { useActionState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { FormAlert, TextField } from "../../components/auth-form-parts";
import { signUpAction, type SignUpState } from "./sign-up-action";

/** `fixedRole` hides the patient/provider choice, as on the booking page where only patients fit. */
export function SignUpForm({ callbackUrl, role, fixedRole = false }: { callbackUrl: string; role: "patient" | "provider"; fixedRole?: boolean }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const chosenRole = state.values?.role ?? role;
  if (state.sent) {
    return (
      <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <p className="font-semibold">{state.sent.message}</p>
        <p>
          We sent a message to {state.sent.email}. Open the link in it within 24 hours; if nothing arrives in a few minutes, check your spam
          folder.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={state.error} />
      {fixedRole ? (
        <input type="hidden" name="role" value={role} />
      ) : (
      <fieldset>
        <legend className="field-label">I am</legend>
        <div className="flex flex-wrap gap-4">
          {(["patient", "provider"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="role" value={value} defaultChecked={chosenRole === value} className="accent-brand-700" />
              {value === "patient" ? "A patient looking for care" : "A provider offering treatment"}
            </label>
          ))}
        </div>
        {state.fieldErrors?.role ? <p className="field-error">{state.fieldErrors.role}</p> : null}
      </fieldset>
      )}
      <TextField name="name" label="Full name" autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={state.fieldErrors?.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
