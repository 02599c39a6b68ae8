"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { afterBookingChange } from "@/lib/booking/after-change";
import { intakeFormToInput } from "@/lib/booking/intake";
import { createBooking } from "@/lib/booking/queries";
import { bookingRequestSchema } from "@/lib/booking/validation";
import type { AvailableSlot } from "@/lib/scheduling/schedule";

export type RequestState = ActionState & { alternatives?: AvailableSlot[]; /** A treatment too soon: the first date one may be on. */ earliest?: string };

function formToRequest(form: FormData): unknown {
  return {
    providerSlug: form.get("providerSlug"),
    appointmentTypeId: form.get("appointmentTypeId"),
    locationId: form.get("locationId"),
    start: form.get("start"),
    telehealth: form.get("telehealth") === "on",
    // The select stays in the form when hidden; only a video visit names a state.
    patientState: form.get("telehealth") === "on" ? form.get("patientState") || undefined : undefined,
    intake: intakeFormToInput(form),
    shareDiary: form.get("shareDiary") === "on",
    waitlistOfferId: form.get("waitlistOfferId") || undefined,
  };
}

const requestConsultation = authorizedAction(["patient"], bookingRequestSchema, formToRequest, async (request, patient): Promise<RequestState> => {
  const result = await createBooking(patient, request);
  if (result.ok) {
    afterBookingChange();
    // A deposit is paid next, while the hold lasts; otherwise the request is already on its way.
    redirect(result.status === "pending_payment" ? `/pay/${result.id}` : `/patient?requested=${result.id}`);
  }
  if (result.reason === "taken") return { error: result.message, alternatives: result.alternatives };
  if (result.reason === "too_soon") return { error: result.message, earliest: result.earliest };
  if (result.reason === "unlicensed_state") return { error: result.message, fieldErrors: { patientState: result.message } };
  return { error: result.message, ...(result.reason === "invalid" && result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) };
});

export async function requestConsultationAction(previous: RequestState, form: FormData): Promise<RequestState> {
  return requestConsultation(previous, form);
}
