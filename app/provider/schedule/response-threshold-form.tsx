"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { saveResponseThresholdAction } from "./save-response-threshold-action";

/** The fall in headache days after two treatment cycles that counts as responding for this provider's patients. */
export function ResponseThresholdForm({ thresholdPercent }: { thresholdPercent: string }) {
  return (
    <ActionForm action={saveResponseThresholdAction} className="card flex flex-wrap items-end gap-4 p-5" aria-label="Treatment response threshold">
      {(state, pending) => (
        <>
          <Input
            name="thresholdPercent"
            label="Fall in headache days to continue (%)"
            inputMode="numeric"
            defaultValue={thresholdPercent}
            error={state.fieldErrors?.thresholdPercent}
            hint="After two treatment cycles, a patient whose headache days fell by at least this much against their baseline reads as responding. 30 % is the usual threshold."
          />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save threshold
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}
