// Formatting that depends on a time zone, shared by server (a location's zone) and browser (the
// viewer's own zone). Pure, en-US, so server and tests agree.

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a page of free
// times formats hundreds of instants in one or two zones: each formatter is built once per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat built once per locale and options (a missing `timeZone`: the runtime's own). */
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** "Eastern Standard Time" for a zone at an instant (the name changes with daylight saving). */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  const part = formatter("en-US", { timeZone, timeZoneName: "long" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "2026-12-03": the calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** "10:30 AM" in a zone. */
export function localTime(instant: Date, timeZone: string): string {
  return formatter("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "Thu, Dec 3" for a YYYY-MM-DD date. */
export function dayLabel(date: string): string {
  return formatter("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" }).format(new Date(`${date}T12:00:00Z`));
}

/** True for a YYYY-MM-DD string naming a date that exists (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
