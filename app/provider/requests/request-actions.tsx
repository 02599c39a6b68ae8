"use client";

import { ActionButton, ActionForm, FormMessage, ReasonForm, SubmitButton } from "../../components/action-form";
import { Input, Select } from "../../components/form-controls";
import { PRODUCT_LABELS, TREATMENT_PRODUCTS, MAX_UNITS } from "@/lib/treatments/products";
import { CancelBookingForm } from "../../bookings/cancel-booking-form";
import { allowEarlierTreatmentAction } from "./allow-earlier-treatment-action";
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

const PRODUCT_OPTIONS = TREATMENT_PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }));

/** What a treatment gave, recorded as it is marked completed (sealed; the patient sees it). */
function CompleteTreatmentForm({ id, patient }: { id: string; patient: string }) {
  return (
    <ActionForm action={completeBookingAction} className="w-full space-y-3 rounded-lg border border-slate-200 p-4" aria-label={`Record the treatment of ${patient}`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <p className="text-sm font-semibold text-slate-900">Record what was given</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select name="product" id={`product-${id}`} label="Product" options={PRODUCT_OPTIONS} placeholder="Choose…" error={state.fieldErrors?.["treatment.product"]} />
            <Input
              name="units"
              id={`units-${id}`}
              label="Total units"
              hint="Units of this product only: they differ between products."
              inputMode="numeric"
              maxLength={String(MAX_UNITS).length}
              error={state.fieldErrors?.["treatment.units"]}
            />
            <Input name="regions" id={`regions-${id}`} label="Regions or sites" maxLength={300} error={state.fieldErrors?.["treatment.regions"]} />
            <Input name="lot" id={`lot-${id}`} label="Lot number (optional)" maxLength={40} error={state.fieldErrors?.["treatment.lot"]} />
          </div>
          <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
            Completed<span className="sr-only"> treatment of {patient}</span>
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}

/** A confirmed appointment whose time has come: record what happened (a treatment, with what it gave). */
export function PastActions({ id, patient, treatment }: { id: string; patient: string; treatment: boolean }) {
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {treatment ? (
        <CompleteTreatmentForm id={id} patient={patient} />
      ) : (
        <ActionButton action={completeBookingAction} fields={{ id }} aria-label={`Mark the appointment with ${patient} completed`} pendingLabel="Saving…" variant="secondary">
          Completed
        </ActionButton>
      )}
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

/** The treating provider's clinical exception to the 84 days, with the reason (sealed, audited). */
export function AllowEarlierTreatmentForm({ id, patient }: { id: string; patient: string }) {
  return (
    <ReasonForm
      action={allowEarlierTreatmentAction}
      fields={{ id }}
      label="Clinical reason"
      hint="Kept sealed with the patient's record; the audit log notes that you allowed it."
      inputId={`override-${id}`}
      pendingLabel="Saving…"
      confirm={`Allow ${patient} to book their next treatment with you before day 84?`}
      className="space-y-2"
      aria-label={`Allow ${patient} an earlier next treatment`}
    >
      Allow an earlier next treatment
    </ReasonForm>
  );
}
