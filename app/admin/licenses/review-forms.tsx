"use client";

import { ActionForm, FormMessage, ReasonForm, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { approveLicenseAction } from "./approve-license-action";
import { rejectLicenseAction } from "./reject-license-action";

/** Approve with the source checked, or reject with a reason the provider will read. */
export function ReviewForms({ id, label }: { id: string; label: string }) {
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2">
      <ActionForm action={approveLicenseAction} className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50/50 p-3" aria-label={`Approve ${label}`}>
        {(state, pending) => (
          <>
            <input type="hidden" name="id" value={id} />
            <Input name="sourceNote" id={`source-${id}`} label="Source checked" hint="Registry or board lookup, and what it showed." error={state.fieldErrors?.sourceNote} maxLength={500} />
            <SubmitButton pending={pending} pendingLabel="Approving…">
              Approve<span className="sr-only"> {label}</span>
            </SubmitButton>
            <FormMessage state={state} />
          </>
        )}
      </ActionForm>
      <ReasonForm
        action={rejectLicenseAction}
        fields={{ id }}
        label="Reason for rejecting"
        hint="The provider sees this."
        inputId={`reason-${id}`}
        pendingLabel="Rejecting…"
        confirm={`Reject the ${label}? The provider will see your reason.`}
        className="space-y-2 rounded-lg border border-red-200 bg-red-50/50 p-3"
        aria-label={`Reject ${label}`}
      >
        Reject<span className="sr-only"> {label}</span>
      </ReasonForm>
    </div>
  );
}
