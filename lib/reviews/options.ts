// The review forms' fixed choices and checks, apart from validation.ts so the forms (client
// components) do not ship zod to the browser.

export const MAX_REVIEW_TEXT = 1000;
export const MAX_REPLY_TEXT = 1000;
export const MAX_REPORT_NOTE = 500;
export const MAX_HIDE_REASON = 500;
/** A review needs a completed visit this recent, and so does each later edit. */
export const REVIEW_WINDOW_DAYS = 90;

export const REPORT_REASONS = ["health_details", "personal_information", "offensive", "spam", "not_genuine", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  health_details: "It shares someone's health details",
  personal_information: "It shares contact or personal information",
  offensive: "It is abusive or offensive",
  spam: "It is spam or advertising",
  not_genuine: "It does not describe a real visit",
  other: "Something else",
};

// Loose on purpose: the form only warns, so a false alarm costs a second look, not a refusal.
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
// Seven or more digits, allowing the usual separators: (212) 555-0100, 212.555.0100, +1 212 555 0100.
const PHONE = /(?:\+?\d[\s().-]*){7,}/;

/** What a review's text seems to contain that should not be public: shown as a warning, never refused. */
export function contactDetailsIn(text: string): { email: boolean; phone: boolean } {
  return { email: EMAIL.test(text), phone: PHONE.test(text) };
}
