"use client";

import { ActionButton } from "../../components/action-form";
import { removeLocationAction } from "./remove-location-action";

export function RemoveLocationButton({ id, name, upcoming }: { id: string; name: string; upcoming: number }) {
  const cancels =
    upcoming === 0
      ? ""
      : ` Its ${upcoming === 1 ? "upcoming booking" : `${upcoming} upcoming bookings`} will be cancelled, any deposit refunded in full, and ${upcoming === 1 ? "the patient" : "each patient"} emailed.`;
  return (
    <ActionButton
      action={removeLocationAction}
      fields={{ id, upcoming: String(upcoming) }}
      confirm={`Remove ${name}? Patients will no longer be able to book you there.${cancels}`}
      aria-label={`Remove ${name}`}
      pendingLabel="Removing…"
      variant="danger"
    >
      Remove<span className="sr-only"> {name}</span>
    </ActionButton>
  );
}
