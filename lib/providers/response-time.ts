// "Usually confirms within N hours" (issue 15, part 5): the median time from a request reaching the
// provider (made, paid, or moved by the patient) to their first answer (confirmed, declined, or a
// time proposed), over the answers of the last 90 days, once there are at least five of them.
// The profile's one statement computes the median (lib/providers/queries.ts); this rounds it.

export const RESPONSE_TIME_WINDOW_DAYS = 90;
export const RESPONSE_TIME_MIN_ANSWERS = 5;

/** Whole hours, rounded up so the promise is kept; at least 1. Null stays null. */
export function responseHoursOf(medianSeconds: number | null): number | null {
  if (medianSeconds === null || !Number.isFinite(medianSeconds)) return null;
  return Math.max(1, Math.ceil(medianSeconds / 3600));
}

/** "Usually confirms within 3 hours"; "within an hour" for 1. */
export function responseTimeText(hours: number): string {
  return hours <= 1 ? "Usually confirms within an hour" : `Usually confirms within ${hours} hours`;
}
