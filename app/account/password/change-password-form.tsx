"use client";

import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { changePasswordAction } from "./change-password-action";

export function ChangePasswordForm({ oneTime }: { oneTime: boolean }) {
  return (
    <ActionForm action={changePasswordAction} className="space-y-4" aria-label="Change your password">
      {(state, pending) => (
        <>
          <FormMessage state={state} />
          <Input
            name="currentPassword"
            type="password"
            label={oneTime ? "The one-time password you signed in with" : "Current password"}
            autoComplete="current-password"
            required
            error={state.fieldErrors?.currentPassword}
          />
          <Input
            name="password"
            type="password"
            label="New password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            required
            error={state.fieldErrors?.password}
          />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save the new password
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
