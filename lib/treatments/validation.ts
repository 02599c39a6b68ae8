import { z } from "zod";
import { isCalendarDate } from "@/lib/ui/time-zone";
import { safeString } from "@/lib/validation/text";
import { MAX_UNITS, TREATMENT_PRODUCTS } from "./products";

const bookingId = z.uuid({ message: "That booking no longer exists. Reload the page." });

/** What a provider records when a treatment visit is completed. */
export const treatmentDetailsSchema = z.object({
  product: z.enum(TREATMENT_PRODUCTS, { message: "Choose the product given." }),
  units: z.coerce
    .number({ message: "Give the total units as a whole number." })
    .int("Give the total units as a whole number.")
    .min(1, "Give the total units as a whole number.")
    .max(MAX_UNITS, `Give at most ${MAX_UNITS} units.`),
  regions: safeString({ message: "Name the regions or sites injected." }).trim().min(2, "Name the regions or sites injected.").max(300, "Use at most 300 characters."),
  lot: safeString({ message: "Give the lot number, or leave it empty." }).trim().max(40, "Use at most 40 characters.").default(""),
});

export type TreatmentDetails = z.infer<typeof treatmentDetailsSchema>;

/** Completing a visit: a consultation by its id alone, a treatment with what was given. */
export const completeBookingSchema = z.object({ id: bookingId, treatment: treatmentDetailsSchema.optional() });

export const intervalOverrideSchema = z.object({
  id: bookingId,
  reason: safeString({ message: "Give the clinical reason." }).trim().min(5, "Give the clinical reason.").max(500, "Use at most 500 characters."),
});

/** The provider recording an insurer's prior authorization for a treatment booking. */
export const authorizationSchema = z.object({
  id: bookingId,
  status: z.enum(["submitted", "approved", "denied"], { message: "Choose submitted, approved or denied." }),
  on: safeString({ message: "Give the date as YYYY-MM-DD." }).refine(isCalendarDate, "Give the date as YYYY-MM-DD."),
});

export type AuthorizationInput = z.infer<typeof authorizationSchema>;
