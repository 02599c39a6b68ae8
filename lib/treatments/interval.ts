import { addDays, localDate } from "@/lib/ui/time-zone";

// The treatment interval as dates. Botulinum toxin is not repeated sooner than 12 weeks: a
// treatment on day 0 (its date in the clinic's zone) allows the next one from day 84, the same
// weekday twelve weeks on, whatever the clock did in between (a daylight-saving change moves no
// date). Around day 70 the patient is reminded to book it. Pure: callers pass dates and zones.

export const INTERVAL_DAYS = 84;
export const REMINDER_DAY = 70;
/** After this day the reminder is no longer sent: an old record should not bring a surprise email. */
export const REMINDER_LAST_DAY = INTERVAL_DAYS;

/**
 * The first date a next treatment may be on, given the dates that anchor it: completed treatments
 * and treatment bookings still to come. Null when there is none (the first treatment is free to book).
 */
export function earliestNextTreatment(anchors: readonly string[]): string | null {
  if (anchors.length === 0) return null;
  const latest = anchors.reduce((a, b) => (a > b ? a : b));
  return addDays(latest, INTERVAL_DAYS);
}

/** Whether a treatment starting at `start`, at a location in `zone`, comes before `earliest`. */
export function isBeforeEarliest(start: Date, zone: string, earliest: string | null): boolean {
  return earliest !== null && localDate(start, zone) < earliest;
}

/** The treatment dates whose day-70 reminder is due on `today`: day 70 to day 84 after them. */
export function reminderWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -REMINDER_LAST_DAY), to: addDays(today, -REMINDER_DAY) };
}
