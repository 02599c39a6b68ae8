"use client";

import { ActionButton, ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input, Select } from "../../components/form-controls";
import { submitBoardCertificationAction } from "./submit-board-certification-action";
import { submitNpiAction } from "./submit-npi-action";
import { submitStateLicenseAction } from "./submit-state-license-action";
import { updateStateLicenseAction } from "./update-state-license-action";
import { withdrawLicenseAction } from "./withdraw-license-action";

export function NpiForm({ hasNpi }: { hasNpi: boolean }) {
  return (
    <ActionForm action={submitNpiAction} className="flex flex-wrap items-end gap-3" resetOnSuccess aria-label="NPI">
      {(state, pending) => (
        <>
          <Input
            name="number"
            id="npi-number"
            label={hasNpi ? "Change your NPI" : "Your NPI"}
            inputMode="numeric"
            maxLength={14}
            hint="10 digits, from the NPPES registry."
            error={state.fieldErrors?.number}
          />
          <SubmitButton pending={pending} pendingLabel="Submitting…">
            {hasNpi ? "Submit new NPI" : "Submit NPI"}
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

type StateOption = { value: string; label: string };

/** Adds a state license, or edits one when `license` is given (which sends it back to review). */
export function StateLicenseForm({
  states,
  license,
  defaultState,
}: {
  states: StateOption[];
  license?: { id: string; state: string; number: string; expiresOn: string };
  defaultState?: string | undefined;
}) {
  const prefix = license ? `license-${license.id}` : "new-license";
  return (
    <ActionForm action={license ? updateStateLicenseAction : submitStateLicenseAction} className="mt-3 space-y-3" resetOnSuccess={!license}>
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            {license ? <input type="hidden" name="id" value={license.id} /> : null}
            <div className="grid gap-3 sm:grid-cols-3">
              <Select name="state" id={`${prefix}-state`} label="State" options={states} defaultValue={license?.state ?? defaultState ?? ""} placeholder="Choose…" error={e.state} />
              <Input name="number" id={`${prefix}-number`} label="License number" defaultValue={license?.number} error={e.number} maxLength={40} />
              <Input name="expiresOn" id={`${prefix}-expires`} label="Expires on" type="date" defaultValue={license?.expiresOn} error={e.expiresOn} />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pending={pending} pendingLabel="Saving…" variant={license ? "secondary" : "primary"}>
                {license ? "Save and resubmit" : "Submit license"}
              </SubmitButton>
              <FormMessage state={state} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function BoardCertificationForm() {
  return (
    <ActionForm action={submitBoardCertificationAction} className="mt-3 space-y-3" resetOnSuccess>
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <div className="grid gap-3 sm:grid-cols-3">
              <Input name="issuer" id="board-issuer" label="Certifying board" error={e.issuer} maxLength={120} />
              <Input name="number" id="board-number" label="Certificate number" error={e.number} maxLength={40} />
              <Input name="expiresOn" id="board-expires" label="Expires on (optional)" type="date" error={e.expiresOn} />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pending={pending} pendingLabel="Submitting…" variant="secondary">
                Submit certification
              </SubmitButton>
              <FormMessage state={state} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function WithdrawLicenseButton({ id, label }: { id: string; label: string }) {
  return (
    <ActionButton
      action={withdrawLicenseAction}
      fields={{ id }}
      confirm={`Remove the ${label}? If it was verified, locations that rely on it leave search.`}
      pendingLabel="Removing…"
      variant="danger"
    >
      Remove<span className="sr-only"> the {label}</span>
    </ActionButton>
  );
}
