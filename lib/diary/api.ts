import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { isCalendarDate } from "@/lib/ui/time-zone";

// What the diary's JSON routes share: who may call them, in the routes' own words.
export const OWN_DIARY = {
  auth: ["patient"] as const,
  signedOut: "Sign in to keep your diary.",
  wrongRole: "Only patient accounts keep a diary.",
};

/** `/api/diary/[date]`: anything but a calendar day names nothing (404). */
export const dayParam = z.object({ date: safeString().refine(isCalendarDate) });
