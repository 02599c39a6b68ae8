"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { leaveWaitlistAction } from "./leave-waitlist-action";

export function LeaveWaitlistButton({ entryId, label }: { entryId: string; label: string }) {
  return (
    <ActionForm action={leaveWaitlistAction} className="flex flex-wrap items-center gap-3" aria-label={label} confirm="Leave this waitlist? A time held for you goes to the next person waiting.">
      {(state, pending) =>
        state.ok ? (
          <FormMessage state={state} />
        ) : (
          <>
            <input type="hidden" name="id" value={entryId} />
            <SubmitButton pending={pending} pendingLabel="Leaving…" variant="secondary">
              Leave
            </SubmitButton>
            <FormMessage state={state} className="w-full" />
          </>
        )
      }
    </ActionForm>
  );
}
