"use client";

import { ActionButton, ReasonForm } from "../../components/action-form";
import { reinstateProviderAction } from "./reinstate-provider-action";
import { suspendProviderAction } from "./suspend-provider-action";

export function ModerationForm({ providerId, name, suspended }: { providerId: string; name: string; suspended: boolean }) {
  if (suspended) {
    return (
      <ActionButton action={reinstateProviderAction} fields={{ providerId }} className="space-y-2" aria-label={`Reinstate ${name}`} pendingLabel="Reinstating…" variant="secondary">
        Reinstate<span className="sr-only"> {name}</span>
      </ActionButton>
    );
  }
  return (
    <ReasonForm
      action={suspendProviderAction}
      fields={{ providerId }}
      label="Reason"
      inputId={`suspend-${providerId}`}
      pendingLabel="Suspending…"
      confirm={`Suspend ${name}? They leave search, cannot be booked, and lose their requests, intakes and booking actions until reinstated.`}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Suspend ${name}`}
    >
      Suspend<span className="sr-only"> {name}</span>
    </ReasonForm>
  );
}
