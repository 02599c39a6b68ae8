// Display formatting shared by pages. Pure and locale-fixed (en-US) so server output is
// stable and testable; dates are shown in UTC because the server does not know the
// viewer's zone and these are calendar dates (license expiry, verification day).

import { formatter } from "./time-zone";

const wholeDollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const dollarsAndCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** An amount as a form field shows it for editing: 15000 → "150", 1250 → "12.50", null → "". */
export function centsForInput(cents: number | null): string {
  return cents === null ? "" : (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
}

/** 15000 → "$150", 1250 → "$12.50", 0 → "$0". */
export function formatMoney(cents: number): string {
  return cents % 100 === 0 ? wholeDollars.format(cents / 100) : dollarsAndCents.format(cents / 100);
}

/** 2.34 → "2.3 mi", 12.6 → "13 mi", 0.04 → "under 0.1 mi". */
export function formatDistance(miles: number): string {
  if (miles < 0.1) return "under 0.1 mi";
  if (miles < 10) return `${(Math.round(miles * 10) / 10).toFixed(1)} mi`;
  return `${Math.round(miles).toLocaleString("en-US")} mi`;
}

const calendarDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "2026-10-03" or an ISO instant → "Oct 3, 2026". Returns the input unchanged if it is not a date. */
export function formatDate(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? value : calendarDate.format(date);
}

/** ISO date (or instant) for a <time dateTime> attribute: "2026-10-03". */
export function isoDay(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
}

/** 1 → "1 provider", 42 → "42 providers". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}

/** A count that may have stopped at a cap: (1000, true) → "1,000+ providers"; uncapped, as pluralize. */
export function pluralizeCapped(count: number, capped: boolean, singular: string, plural = `${singular}s`): string {
  return capped ? `${count.toLocaleString("en-US")}+ ${plural}` : pluralize(count, singular, plural);
}

/** "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const HONORIFICS = new Set(["dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "mx", "mx."]);

/** "Dr. Jane Q. Smith" → "JS": the monogram shown when a provider has no photo. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => w !== "" && !HONORIFICS.has(w.toLowerCase()))
    .map((w) => w.replace(/[^\p{L}]/gu, ""))
    .filter((w) => w !== "");
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** "30" → "30 min", 90 → "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "Chronic migraine" → "chronic migraine" for use mid-sentence; "TMJ and jaw pain" keeps its acronym. */
export function midSentence(name: string): string {
  const firstWord = name.split(/\s/, 1)[0] ?? "";
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * An instant with its zone named: "Nov 25, 2026, 9:30 AM EST". `timeZone` undefined means the
 * runtime's own zone (the viewer's, in a browser).
 */
export function formatInstant(iso: string, timeZone?: string): string {
  // dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
  return formatter("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/**
 * An instant spelled out in a zone, the zone's full name included: "Thursday, December 3, 2026 at
 * 10:00 AM Eastern Standard Time". For text read away from the app (email), where "EST" or
 * "GMT+5:30" would leave a reader guessing and no browser shows the reader's own time beside it.
 */
export function formatInstantLong(iso: string, timeZone: string): string {
  return formatter("en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "long",
    timeZone,
  }).format(new Date(iso));
}
