"use client";

import Link from "next/link";
import { ActionButton } from "../components/action-form";
import { LocalTime } from "../components/local-time";
import { CancelBookingForm } from "../bookings/cancel-booking-form";
import { acceptProposalAction } from "./accept-proposal-action";

type Props = {
  id: string;
  status: string;
  providerName: string;
  proposedStartsAt: string | null;
  proposalNote: string | null;
  /** False inside the free-cancellation window: only the clinic can move it then. */
  movable: boolean;
  cancellation: { freeUntil: string; windowHours: number; depositCents: number; policy: string };
};

/** What a patient can do with an upcoming booking: accept a proposal, add it to a calendar, move it or cancel it. */
export function PatientBookingActions({ id, status, providerName, proposedStartsAt, proposalNote, movable, cancellation }: Props) {
  return (
    <div className="mt-4 space-y-4">
      {proposedStartsAt && status === "requested" ? (
        <div className="rounded-lg border border-sky-200 bg-sky-50 p-4">
          <p className="text-sky-950">
            {providerName} suggested <strong><LocalTime iso={proposedStartsAt} /></strong> instead.
            {proposalNote ? ` “${proposalNote}”` : ""}
          </p>
          <ActionButton action={acceptProposalAction} fields={{ id }} className="mt-2 space-y-2" aria-label="Accept the suggested time" pendingLabel="Accepting…">
            Accept the new time
          </ActionButton>
        </div>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {status === "confirmed" ? (
          <a className="btn-secondary text-sm" href={`/api/bookings/${id}/ics`}>
            Add to calendar (.ics)
          </a>
        ) : null}
        {status !== "pending_payment" && movable ? (
          <Link className="btn-secondary text-sm" href={`/patient/bookings/${id}/reschedule`}>
            Reschedule
          </Link>
        ) : null}
        {status !== "pending_payment" && !movable ? (
          <p className="text-sm text-slate-700">Less than {cancellation.windowHours} hours to go: to move it, contact the clinic.</p>
        ) : null}
      </div>
      <details>
        <summary className="text-sm font-medium text-brand-700">Cancel this booking</summary>
        <p className="mt-2 text-sm text-slate-700">
          Free cancellation until <LocalTime iso={cancellation.freeUntil} /> ({cancellation.windowHours} hours before).
          {cancellation.depositCents > 0 ? " After that the deposit is kept." : ""} {cancellation.policy}
        </p>
        <div className="mt-2">
          <CancelBookingForm id={id} button="Cancel booking" aria-label="Cancel this booking" confirm="Cancel this booking? The time goes back to other patients." />
        </div>
      </details>
    </div>
  );
}
