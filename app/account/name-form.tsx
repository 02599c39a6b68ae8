"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { Input } from "../components/form-controls";
import { changeNameAction } from "./change-name-action";

export function NameForm({ name }: { name: string }) {
  return (
    <ActionForm action={changeNameAction} className="space-y-3" aria-label="Your name">
      {(state, pending) => (
        <>
          <Input name="name" label="Name" defaultValue={name} autoComplete="name" maxLength={120} required error={state.fieldErrors?.name} />
          <FormMessage state={state} />
          <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
            Save name
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
