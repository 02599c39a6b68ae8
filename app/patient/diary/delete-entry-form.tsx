"use client";

import { ActionForm } from "@/app/components/action-form";
import { FormAlert } from "@/app/components/auth-form-parts";
import { deleteDiaryEntryAction } from "./delete-entry-action";

export function DeleteEntryForm({ day, dayLabel }: { day: string; dayLabel: string }) {
  return (
    <ActionForm action={deleteDiaryEntryAction} confirm={`Delete your diary entry for ${dayLabel}? This cannot be undone.`} aria-label={`Delete the entry for ${dayLabel}`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="date" value={day} />
          <FormAlert message={state.error} />
          {state.ok ? (
            <p role="status" className="text-sm text-slate-800">
              {state.message}
            </p>
          ) : null}
          <button type="submit" className="btn-secondary text-sm text-rose-800" disabled={pending}>
            {pending ? "Deleting…" : "Delete this day's entry"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
