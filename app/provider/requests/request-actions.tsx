"use client";

import { ActionButton, ActionForm, FormMessage, ReasonForm, SubmitButton } from "../../components/action-form";
import { Input } from "../../components/form-controls";
import { CancelBookingForm } from "../../bookings/cancel-booking-form";
import { completeBookingAction } from "./complete-booking-action";
import { confirmBookingAction } from "./confirm-booking-action";
import { declineBookingAction } from "./decline-booking-action";
import { noShowBookingAction } from "./no-show-booking-action";
import { proposeTimeAction } from "./propose-time-action";

/** Confirm, decline with a reason, or propose another time, for one request. */
export function RequestActions({ id, patient, zoneLabel }: { id: string; patient: string; zoneLabel: string }) {
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-3">
      <ActionButton action={confirmBookingAction} fields={{ id }} className="space-y-2" aria-label={`Confirm ${patient}'s request`} pendingLabel="Confirming…">
        Confirm<span className="sr-only"> {patient}&apos;s request</span>
      </ActionButton>
      <ReasonForm
        action={declineBookingAction}
        fields={{ id }}
        label="Reason for declining"
        hint="The patient sees this."
        inputId={`decline-${id}`}
        pendingLabel="Declining…"
        confirm={`Decline ${patient}'s request? They will see your reason.`}
        className="space-y-2"
        aria-label={`Decline ${patient}'s request`}
      >
        Decline<span className="sr-only"> {patient}&apos;s request</span>
      </ReasonForm>
      <ActionForm action={proposeTimeAction} className="space-y-2" aria-label={`Propose another time to ${patient}`}>
        {(state, pending) => (
          <>
            <input type="hidden" name="id" value={id} />
            <Input name="localTime" id={`propose-${id}`} type="datetime-local" label={`Another time (clinic time, ${zoneLabel})`} error={state.fieldErrors?.localTime} />
            <Input name="note" id={`note-${id}`} label="Note (optional)" error={state.fieldErrors?.note} maxLength={500} />
            <SubmitButton pending={pending} pendingLabel="Proposing…" variant="secondary">
              Propose time<span className="sr-only"> to {patient}</span>
            </SubmitButton>
            <FormMessage state={state} />
          </>
        )}
      </ActionForm>
    </div>
  );
}

/** A confirmed appointment ahead: its calendar file, or cancel it (the patient is told). */
export function UpcomingActions({ id, patient }: { id: string; patient: string }) {
  return (
    <div className="mt-4 flex flex-wrap items-end gap-4">
      <a className="btn-secondary text-sm" href={`/api/bookings/${id}/ics`}>
        Add to calendar<span className="sr-only"> (appointment with {patient})</span>
      </a>
      <CancelBookingForm
        id={id}
        button="Cancel appointment"
        aria-label={`Cancel the appointment with ${patient}`}
        confirm={`Cancel the appointment with ${patient}? They will be told, and any deposit refunded.`}
      />
    </div>
  );
}

/** A confirmed appointment whose time has come: record what happened. */
export function PastActions({ id, patient }: { id: string; patient: string }) {
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      <ActionButton action={completeBookingAction} fields={{ id }} aria-label={`Mark the appointment with ${patient} completed`} pendingLabel="Saving…" variant="secondary">
        Completed
      </ActionButton>
      <ActionButton
        action={noShowBookingAction}
        fields={{ id }}
        aria-label={`Mark ${patient} as not attending`}
        confirm={`Mark ${patient} as a no-show? Under your policy the deposit is kept.`}
        pendingLabel="Saving…"
        variant="danger"
      >
        No-show
      </ActionButton>
    </div>
  );
}
