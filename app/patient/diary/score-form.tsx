"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/components/action-form";
import { Input, Select } from "@/app/components/form-controls";
import { saveScoreAction } from "./save-score-action";

const INSTRUMENTS = [
  { value: "MIDAS", label: "MIDAS (0–270)" },
  { value: "HIT-6", label: "HIT-6 (36–78)" },
];

// Only the total from the clinic's form: the questionnaires themselves are copyrighted.
export function ScoreForm({ today }: { today: string }) {
  return (
    <ActionForm action={saveScoreAction} aria-label="Record a questionnaire total" className="card grid gap-3 p-5 sm:grid-cols-4 sm:items-end">
      {(state, pending) => (
        <>
          <Select name="instrument" label="Form" options={INSTRUMENTS} defaultValue="MIDAS" error={state.fieldErrors?.instrument} />
          <Input name="date" type="date" label="Day you filled it in" defaultValue={today} error={state.fieldErrors?.date} />
          <Input name="total" label="Total" inputMode="numeric" error={state.fieldErrors?.total} />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save total
          </SubmitButton>
          <FormMessage state={state} className="sm:col-span-4" />
        </>
      )}
    </ActionForm>
  );
}
