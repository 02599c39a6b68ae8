import { z } from "zod";
import { isUuid } from "@/db/uuid";
import { safeString } from "@/lib/validation/text";
import { MAX_HIDE_REASON, MAX_REPLY_TEXT, MAX_REPORT_NOTE, MAX_REVIEW_TEXT, REPORT_REASONS } from "./options";

const RATING = "Choose a rating from 1 to 5 stars.";

/** 1–5, as a JSON number or a form's string. */
const rating = z.preprocess(
  (v) => (typeof v === "string" && /^\d$/.test(v.trim()) ? Number(v) : v),
  z.number({ message: RATING }).int(RATING).min(1, RATING).max(5, RATING),
);

const optionalText = (max: number, what: string) =>
  z.preprocess(
    (v) => (v === null ? undefined : v),
    safeString({ message: `The ${what} must be text.` })
      .trim()
      .max(max, `Keep the ${what} to ${max.toLocaleString("en-US")} characters or fewer.`)
      .optional(),
  ).transform((v) => (v ? v : null));

/** POST and PATCH /api/providers/[slug]/reviews, and the profile's form. */
export const reviewSchema = z.object({
  rating,
  text: optionalText(MAX_REVIEW_TEXT, "review"),
  // Shown as first name and last initial unless the patient asks for "Verified patient".
  showName: z.boolean({ message: "showName must be true or false." }).optional().default(true),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

const reviewId = safeString().refine(isUuid, "That review no longer exists.");

export const replySchema = z.object({
  reviewId,
  reply: safeString({ message: "Write your reply." })
    .trim()
    .min(1, "Write your reply.")
    .max(MAX_REPLY_TEXT, `Keep the reply to ${MAX_REPLY_TEXT.toLocaleString("en-US")} characters or fewer.`),
});

export const reportSchema = z.object({
  reviewId,
  reason: z.enum(REPORT_REASONS, { message: "Choose why you are reporting this review." }),
  note: optionalText(MAX_REPORT_NOTE, "note"),
});

export const hideSchema = z.object({
  reviewId,
  reason: safeString({ message: "Give a reason." })
    .trim()
    .min(3, "Give a reason (it is kept in the audit log).")
    .max(MAX_HIDE_REASON, `Keep the reason to ${MAX_HIDE_REASON} characters or fewer.`),
});

export const reviewIdSchema = z.object({ reviewId });
