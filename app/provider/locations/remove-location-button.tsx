"use client";

import { ActionButton } from "../../components/action-form";
import { removeLocationAction } from "./remove-location-action";

export function RemoveLocationButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionButton
      action={removeLocationAction}
      fields={{ id }}
      confirm={`Remove ${name}? Patients will no longer be able to book you there.`}
      aria-label={`Remove ${name}`}
      pendingLabel="Removing…"
      variant="danger"
    >
      Remove<span className="sr-only"> {name}</span>
    </ActionButton>
  );
}
