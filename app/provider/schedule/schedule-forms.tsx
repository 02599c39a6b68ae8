"use client";

import { ActionButton, ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Checkbox, Input, Select } from "../../components/form-controls";
import { addTimeOffAction } from "./add-time-off-action";
import { archiveAppointmentTypeAction } from "./archive-appointment-type-action";
import { removeTimeOffAction } from "./remove-time-off-action";
import { saveAppointmentTypeAction } from "./save-appointment-type-action";
import { saveBookingWindowAction } from "./save-booking-window-action";
import { saveHoursAction } from "./save-hours-action";
import { APPOINTMENT_KIND_LABELS } from "@/lib/scheduling/appointment-kinds";
import { WEEKDAYS } from "@/lib/scheduling/hours-text";

const KINDS = Object.entries(APPOINTMENT_KIND_LABELS).map(([value, label]) => ({ value, label }));

type TypeValues = { id: string; kind: string; name: string; minutes: string; bufferAfterMinutes: string; fee: string; deposit: string; telehealthAllowed: boolean; confirmsAutomatically: boolean };

export function AppointmentTypeForm({ type }: { type?: TypeValues }) {
  const p = type ? `type-${type.id}` : "type-new";
  return (
    <ActionForm action={saveAppointmentTypeAction} className="mt-4 space-y-4" resetOnSuccess={!type} aria-label={type ? `Edit ${type.name}` : "New appointment type"}>
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            {type ? <input type="hidden" name="id" value={type.id} /> : null}
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Select name="kind" id={`${p}-kind`} label="Kind" options={KINDS} defaultValue={type?.kind ?? "initial_consultation"} error={e.kind} />
              <Input name="name" id={`${p}-name`} label="Name patients see" defaultValue={type?.name} error={e.name} maxLength={80} />
              <Input name="minutes" id={`${p}-minutes`} label="Length (minutes)" inputMode="numeric" defaultValue={type?.minutes ?? "30"} error={e.minutes} />
              <Input name="bufferAfterMinutes" id={`${p}-buffer`} label="Free time after (minutes)" inputMode="numeric" defaultValue={type?.bufferAfterMinutes ?? "0"} error={e.bufferAfterMinutes} />
              <Input name="fee" id={`${p}-fee`} label="Fee ($)" inputMode="decimal" defaultValue={type?.fee} error={e.feeCents} />
              <Input name="deposit" id={`${p}-deposit`} label="Deposit ($)" inputMode="decimal" defaultValue={type?.deposit ?? "0"} error={e.depositCents} />
            </div>
            <Checkbox name="telehealthAllowed" id={`${p}-telehealth`} label="Can be done by video" defaultChecked={type?.telehealthAllowed ?? false} />
            <Checkbox
              name="confirmsAutomatically"
              id={`${p}-instant`}
              label="Confirm automatically (instant booking)"
              hint="A free time is confirmed as soon as the patient books it and pays any deposit; you can still cancel with a reason."
              defaultChecked={type?.confirmsAutomatically ?? false}
            />
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pending={pending} pendingLabel="Saving…">
                {type ? "Save type" : "Add type"}
              </SubmitButton>
              <FormMessage state={state} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function ArchiveTypeButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionButton
      action={archiveAppointmentTypeAction}
      fields={{ id }}
      className="mt-3"
      confirm={`Stop offering ${name}? Existing bookings keep it.`}
      aria-label={`Remove ${name}`}
      pendingLabel="Removing…"
      variant="danger"
    >
      Stop offering<span className="sr-only"> {name}</span>
    </ActionButton>
  );
}

export function BookingWindowForm({ minNoticeHours, horizonDays }: { minNoticeHours: string; horizonDays: string }) {
  return (
    <ActionForm action={saveBookingWindowAction} className="card flex flex-wrap items-end gap-4 p-5" aria-label="Booking window">
      {(state, pending) => (
        <>
          <Input name="minNoticeHours" label="Minimum notice (hours)" inputMode="numeric" defaultValue={minNoticeHours} error={state.fieldErrors?.minNoticeHours} hint="How soon before a visit patients may still book it." />
          <Input name="horizonDays" label="Book up to (days ahead)" inputMode="numeric" defaultValue={horizonDays} error={state.fieldErrors?.horizonDays} />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save window
          </SubmitButton>
          <div className="w-full">
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function HoursForm({ locationId, locationName, days }: { locationId: string; locationName: string; days: Record<number, string> }) {
  return (
    <ActionForm action={saveHoursAction} className="mt-4 space-y-3" aria-label={`Hours at ${locationName}`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="locationId" value={locationId} />
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {WEEKDAYS.map(({ weekday, name }) => (
              <Input key={name} name={`day-${weekday}`} id={`${locationId}-day-${weekday}`} label={name} defaultValue={days[weekday] ?? ""} error={state.fieldErrors?.[`day-${weekday}`]} maxLength={200} />
            ))}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save hours<span className="sr-only"> at {locationName}</span>
            </SubmitButton>
            <FormMessage state={state} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function TimeOffForm({ locations }: { locations: { value: string; label: string }[] }) {
  return (
    <ActionForm action={addTimeOffAction} className="card space-y-4 p-5" resetOnSuccess aria-label="Add time off">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <h3 className="font-semibold text-slate-900">Add time off</h3>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Select name="locationId" id="off-location" label="Where" options={[{ value: "", label: "Every location" }, ...locations]} error={e.locationId} />
              <Input name="startDate" id="off-start-date" type="date" label="From" error={e.startDate} />
              <Input name="startTime" id="off-start-time" type="time" label="From time (optional)" error={e.startTime} hint="Empty: from the start of the day." />
              <Input name="endDate" id="off-end-date" type="date" label="Until" error={e.endDate} />
              <Input name="endTime" id="off-end-time" type="time" label="Until time (optional)" error={e.endTime} hint="Empty: to the end of the day." />
              <Input name="note" id="off-note" label="Note (only you see it)" error={e.note} maxLength={200} />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pending={pending} pendingLabel="Adding…">
                Add time off
              </SubmitButton>
              <FormMessage state={state} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function RemoveTimeOffButton({ id }: { id: string }) {
  return (
    <ActionButton
      action={removeTimeOffAction}
      fields={{ id }}
      confirm="Remove this time off? Patients can book those hours again."
      aria-label="Remove time off"
      pendingLabel="Removing…"
      variant="danger"
    >
      Remove
    </ActionButton>
  );
}
