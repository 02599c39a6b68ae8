import { z } from "zod";
import { isCalendarDate } from "@/lib/ui/time-zone";
import { safeString } from "@/lib/validation/text";

const day = (message: string) => safeString({ message }).refine(isCalendarDate, message);

/** "Tell me if an earlier time opens": the form on a profile. The range's bounds are checked with the provider's horizon. */
export const joinWaitlistSchema = z
  .object({
    providerSlug: safeString({ message: "Name the provider." }).min(1).max(200),
    appointmentTypeId: z.uuid({ message: "Choose an appointment type." }),
    // Any of the provider's locations when left empty.
    locationId: z.union([z.uuid({ message: "Choose one of the provider's locations." }), z.literal("").transform(() => undefined)]).optional(),
    fromDate: day("Choose the first day that suits you."),
    toDate: day("Choose the last day that suits you."),
  })
  .refine((v) => v.fromDate <= v.toDate, { path: ["toDate"], message: "The last day cannot be before the first." });

export const waitlistEntryIdSchema = z.object({ id: z.uuid({ message: "That waitlist no longer exists. Reload the page." }) });
