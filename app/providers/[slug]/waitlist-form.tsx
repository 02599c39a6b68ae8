"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input, Select } from "../../components/form-controls";
import { joinWaitlistAction } from "./join-waitlist-action";

/** "Tell me if an earlier time opens": a type, optionally a location, and the days that suit. */
export function WaitlistForm({
  slug,
  types,
  locations,
  today,
  lastDay,
}: {
  slug: string;
  types: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  today: string;
  lastDay: string;
}) {
  return (
    <ActionForm action={joinWaitlistAction} className="mt-4 space-y-3" aria-label="Tell me if an earlier time opens">
      {(state, pending) => (
        <>
          <input type="hidden" name="providerSlug" value={slug} />
          <Select name="appointmentTypeId" id="waitlist-type" label="Appointment" options={types.map((t) => ({ value: t.id, label: t.name }))} error={state.fieldErrors?.appointmentTypeId} />
          {locations.length > 1 ? (
            <Select
              name="locationId"
              id="waitlist-location"
              label="Location"
              options={[{ value: "", label: "Any location" }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
              error={state.fieldErrors?.locationId}
            />
          ) : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <Input type="date" name="fromDate" id="waitlist-from" label="From" defaultValue={today} error={state.fieldErrors?.fromDate} />
            <Input type="date" name="toDate" id="waitlist-to" label="To" hint={`Up to ${lastDay}`} error={state.fieldErrors?.toDate} />
          </div>
          <FormMessage state={state} />
          <SubmitButton pending={pending} pendingLabel="Joining…" variant="secondary">
            Tell me if an earlier time opens
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
