"use client";

import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Input, Select } from "../../components/form-controls";
import { addLocationAction } from "./add-location-action";

export function AddLocationForm({ timeZones }: { timeZones: readonly { id: string; label: string }[] }) {
  return (
    <section aria-labelledby="add-heading" className="card p-5">
      <h2 id="add-heading" className="text-lg font-semibold text-slate-900">
        Add a location
      </h2>
      <ActionForm action={addLocationAction} className="mt-4 space-y-4" resetOnSuccess>
        {(state, pending) => {
          const e = state.fieldErrors ?? {};
          return (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <Input name="name" label="Name" hint="How patients tell your offices apart, like “Midtown office”." error={e.name} maxLength={80} />
                <Input name="addressLine1" label="Street address" autoComplete="address-line1" error={e.addressLine1} maxLength={120} />
                <Input name="addressLine2" label="Suite or floor (optional)" autoComplete="address-line2" error={e.addressLine2} maxLength={120} />
                <Input name="zip" label="ZIP code" inputMode="numeric" autoComplete="postal-code" hint="We fill in the city and state from it." error={e.zip} maxLength={10} />
                <Select
                  name="timeZone"
                  label="Time zone"
                  options={timeZones.map((z) => ({ value: z.id, label: z.label }))}
                  placeholder="Work it out from the ZIP code"
                  error={e.timeZone}
                  hint="Appointment times at this location are set in this zone."
                />
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <SubmitButton pending={pending} pendingLabel="Adding…">
                  Add location
                </SubmitButton>
                <FormMessage state={state} />
              </div>
            </>
          );
        }}
      </ActionForm>
    </section>
  );
}
