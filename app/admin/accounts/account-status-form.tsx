"use client";

import { ActionButton, ReasonForm } from "../../components/action-form";
import { disableAccountAction } from "./disable-account-action";
import { enableAccountAction } from "./enable-account-action";

export function AccountStatusForm({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  if (disabled) {
    return (
      <ActionButton
        action={enableAccountAction}
        fields={{ userId }}
        className="space-y-2"
        aria-label={`Enable ${email}`}
        pendingLabel="Enabling…"
        variant="secondary"
        confirm={`Enable ${email}? They can sign in again; sessions ended when it was disabled stay ended.`}
      >
        Enable<span className="sr-only"> {email}</span>
      </ActionButton>
    );
  }
  return (
    <ReasonForm
      action={disableAccountAction}
      fields={{ userId }}
      label="Reason"
      hint="Kept in the audit log."
      inputId={`disable-${userId}`}
      pendingLabel="Disabling…"
      confirm={`Disable ${email}? They are signed out everywhere at once and cannot sign in until enabled.`}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Disable ${email}`}
    >
      Disable<span className="sr-only"> {email}</span>
    </ReasonForm>
  );
}
