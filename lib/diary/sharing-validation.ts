import { z } from "zod";
import { safeString } from "@/lib/validation/text";

/** The switch on the patient's bookings page: one provider, on or off. */
export const diarySharingSchema = z.object({
  providerSlug: safeString({ message: "Choose one of your providers." }).min(1).max(200),
  shared: z.enum(["1", "0"], { message: "Choose whether to share." }).transform((v) => v === "1"),
});
