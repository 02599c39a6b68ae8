"use server";

import { markCompleted } from "@/lib/booking/transitions";
import { completeBookingSchema } from "@/lib/treatments/validation";
import { bookingAction } from "../../bookings/booking-action";

// The treatment form sends what was given beside the id; a consultation's button, the id alone.
const fromForm = (form: FormData) => ({
  id: form.get("id"),
  treatment: form.has("product") ? { product: form.get("product"), units: form.get("units"), regions: form.get("regions"), lot: form.get("lot") ?? "" } : undefined,
});

export const completeBookingAction = bookingAction(["provider"], completeBookingSchema, fromForm, ({ id, treatment }, provider) => markCompleted(provider, id, treatment ?? null));
