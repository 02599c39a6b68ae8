"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { setPublishedAction } from "./set-published-action";

/** Publishing asks for the trust rule's verdict; unpublishing takes the listing out of search at once. */
export function PublishSwitch({ published }: { published: boolean }) {
  return (
    <ActionForm
      action={setPublishedAction}
      className="flex max-w-sm flex-col items-end gap-2"
      confirm={published ? "Unpublish your listing? It leaves search at once, and patients can no longer book you." : undefined}
    >
      {(state, pending) => (
        <>
          <input type="hidden" name="publish" value={published ? "off" : "on"} />
          <p className="text-sm text-slate-700">
            Listing is <strong>{published ? "published" : "a draft"}</strong>
          </p>
          <SubmitButton pending={pending} pendingLabel="Saving…" variant={published ? "secondary" : "primary"}>
            {published ? "Unpublish listing" : "Publish listing"}
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
