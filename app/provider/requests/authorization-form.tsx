"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input, Select } from "../../components/form-controls";
import { recordAuthorizationAction } from "./record-authorization-action";

const STATUSES = [
  { value: "submitted", label: "Submitted to the insurer" },
  { value: "approved", label: "Approved" },
  { value: "denied", label: "Denied" },
];

/** Records the insurer's prior authorization of an upcoming treatment, with its date (the clinic's today by default). */
export function AuthorizationForm({ id, current, today }: { id: string; current: string | null; today: string }) {
  return (
    <ActionForm action={recordAuthorizationAction} className="flex flex-wrap items-end gap-3" aria-label="Prior authorization">
      {(state, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Select name="status" id={`authorization-status-${id}`} label="Authorization" options={STATUSES} defaultValue={current === "submitted" ? "approved" : "submitted"} error={state.fieldErrors?.status} />
          <Input name="on" id={`authorization-on-${id}`} label="On (YYYY-MM-DD)" defaultValue={today} error={state.fieldErrors?.on} maxLength={10} />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Record
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}
