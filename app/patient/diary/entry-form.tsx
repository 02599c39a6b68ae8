"use client";

import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton } from "@/app/components/action-form";
import { Checkbox, CheckboxGroup, Select, TextArea } from "@/app/components/form-controls";
import type { DiaryEntryView } from "@/lib/diary/entries";
import { MEDICINES } from "@/lib/diary/medicines";
import { saveDiaryEntryAction } from "./save-entry-action";

const HOURS = Array.from({ length: 49 }, (_, i) => ({ value: String(i / 2), label: i === 0 ? "Less than half an hour" : `${i / 2} h` }));

// Three taps for a day: headache yes or no, peak pain, save. The rest is there when it matters.
export function EntryForm({ day, dayLabel, entry }: { day: string; dayLabel: string; entry: DiaryEntryView | undefined }) {
  const [headache, setHeadache] = useState<"yes" | "no" | null>(entry ? (entry.headache ? "yes" : "no") : null);
  const [acute, setAcute] = useState(entry?.acuteMedicine ?? false);
  return (
    <ActionForm action={saveDiaryEntryAction} aria-label={`Diary entry for ${dayLabel}`} className="card space-y-5 p-5">
      {(state, pending) => (
        <>
          <input type="hidden" name="date" value={day} />
          <fieldset>
            <legend className="field-label">Any headache or pain on {dayLabel}?</legend>
            <div className="mt-2 grid grid-cols-2 gap-2">
              {(["yes", "no"] as const).map((answer) => (
                <label key={answer} className={`btn-secondary cursor-pointer justify-center py-3 text-base has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-700 ${headache === answer ? "ring-2 ring-brand-700" : ""}`}>
                  <input type="radio" name="headache" value={answer} className="sr-only" checked={headache === answer} onChange={() => setHeadache(answer)} />
                  {answer === "yes" ? "Yes" : "No"}
                </label>
              ))}
            </div>
            {state.fieldErrors?.headache ? <p className="field-error">{state.fieldErrors.headache}</p> : null}
          </fieldset>

          {headache !== "no" ? (
            <>
              <fieldset>
                <legend className="field-label">Peak pain (0 none, 10 worst imaginable)</legend>
                <div className="mt-2 grid grid-cols-6 gap-1 sm:grid-cols-11">
                  {Array.from({ length: 11 }, (_, n) => (
                    <label key={n} className="flex cursor-pointer flex-col items-center rounded border border-slate-300 py-2 text-sm has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-700">
                      <input type="radio" name="pain" value={n} defaultChecked={entry?.headache ? entry.pain === n : false} className="sr-only" />
                      {n}
                    </label>
                  ))}
                </div>
                {state.fieldErrors?.pain ? <p className="field-error">{state.fieldErrors.pain}</p> : null}
              </fieldset>
              <Select name="hours" label="How long did it last?" options={HOURS} defaultValue={entry?.headache ? String(entry.hours) : "0"} error={state.fieldErrors?.hours} />
              <Checkbox name="migraine" label="Migraine-like: throbbing or one-sided, with nausea or sensitivity to light" defaultChecked={entry?.migraine ?? false} />
              {state.fieldErrors?.migraine ? <p className="field-error">{state.fieldErrors.migraine}</p> : null}
            </>
          ) : null}

          <div className="flex items-start gap-2">
            <input id="acuteMedicine" type="checkbox" name="acuteMedicine" checked={acute} onChange={(event) => setAcute(event.target.checked)} className="mt-1 h-4 w-4 accent-brand-700" />
            <label htmlFor="acuteMedicine" className="text-sm text-slate-800">
              I took medicine for it
            </label>
          </div>
          {acute ? (
            <CheckboxGroup legend="Which medicine?" name="medicines" error={state.fieldErrors?.medicines}>
              {MEDICINES.map((m) => (
                <Checkbox key={m.code} name="medicines" value={m.code} label={m.label} defaultChecked={entry?.medicines.includes(m.code) ?? false} />
              ))}
            </CheckboxGroup>
          ) : null}

          <TextArea name="note" label="Note (optional)" hint="Only you can read it. It is stored encrypted." defaultValue={entry?.note ?? ""} rows={2} maxLength={1000} error={state.fieldErrors?.note} />

          <FormMessage state={state} />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            {entry ? "Save changes" : "Save this day"}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
