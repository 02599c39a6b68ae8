import { DateTime } from "luxon";
import { isKnownTimeZone } from "@/lib/geo/time-zones";
import { addDays, isCalendarDate } from "@/lib/ui/time-zone";

// Bookable times, computed as a pure function of a location's weekly hours in its own IANA zone.
// Luxon (maintained, built on the runtime's tz database) turns each day's wall-clock hours into
// instants; slots then step through real time, so a daylight-saving day neither loses a slot
// nor offers one inside the skipped hour.

/** One opening on a weekday: ISO weekday (1 = Monday … 7 = Sunday), minutes after local midnight. */
export type WeeklyRange = { weekday: number; startMinute: number; endMinute: number };

/** A span of real time: a booking (its buffer included) or time off. */
export type Interval = { start: Date; end: Date };

export type SlotRequest = {
  timeZone: string;
  weeklyHours: readonly WeeklyRange[];
  /** First and last local dates to offer, inclusive, as YYYY-MM-DD in the location's zone. */
  fromDate: string;
  toDate: string;
  durationMinutes: number;
  /** Kept free after each appointment (cleaning, notes); it may run past closing time. */
  bufferAfterMinutes: number;
  /** Time between slot starts; defaults to the appointment's length. */
  stepMinutes?: number;
  /** Times already taken (bookings with their buffers) and time off. */
  busy: readonly Interval[];
  now: Date;
  minNoticeMinutes: number;
  horizonDays: number;
};

export type Slot = { start: Date; end: Date };

const MINUTE = 60_000;

function overlaps(aStart: number, aEnd: number, intervals: readonly Interval[]): boolean {
  return intervals.some((i) => aStart < i.end.getTime() && i.start.getTime() < aEnd);
}

// Zone offsets are the costly part of Luxon, and the same few (zone, date, time) triples recur
// across every provider and request: a results page asks for twenty providers' next opening.
// The tz rules do not change while the process runs, so the answers are kept (bounded).
const instants = new Map<string, number>();
const MAX_KEPT_INSTANTS = 50_000;

/**
 * The instant of a wall-clock time on a local date in `timeZone`; a time inside a spring-forward
 * gap moves forward, as clocks do. (Luxon's plus({ minutes }) would add real minutes, which is
 * wrong across a change.)
 */
export function wallClockInstant(timeZone: string, date: string, minuteOfDay: number): number {
  const key = `${timeZone} ${date} ${minuteOfDay}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const day = DateTime.fromISO(date, { zone: timeZone });
    instant =
      minuteOfDay >= 24 * 60
        ? day.plus({ days: 1 }).startOf("day").toMillis()
        : day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 }).toMillis();
    if (instants.size >= MAX_KEPT_INSTANTS) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

/** A date's weekday is the same in every zone: plain UTC arithmetic, no Luxon. */
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

// A location's zone is checked once per zone, not on every call.
const knownZones = new Map<string, boolean>();
function isZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    known = isKnownTimeZone(timeZone);
    if (knownZones.size >= 1_000) knownZones.clear();
    knownZones.set(timeZone, known);
  }
  return known;
}

export function computeSlots(request: SlotRequest): Slot[] {
  const { timeZone, durationMinutes, bufferAfterMinutes } = request;
  const step = (request.stepMinutes ?? durationMinutes) * MINUTE;
  const duration = durationMinutes * MINUTE;
  const earliest = request.now.getTime() + request.minNoticeMinutes * MINUTE;
  const latest = request.now.getTime() + request.horizonDays * 24 * 60 * MINUTE;

  const { fromDate, toDate } = request;
  if (!isZone(timeZone) || !isCalendarDate(fromDate) || !isCalendarDate(toDate) || !(step > 0) || !(duration > 0)) return [];

  const slots: Slot[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    const ranges = request.weeklyHours.filter((r) => r.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const range of ranges) {
      // A range's edges are wall-clock times; the steps between them are real minutes.
      const rangeStart = wallClockInstant(timeZone, date, range.startMinute);
      const rangeEnd = wallClockInstant(timeZone, date, range.endMinute);
      for (let start = rangeStart; start + duration <= rangeEnd; start += step) {
        if (start < earliest || start > latest) continue;
        if (overlaps(start, start + duration + bufferAfterMinutes * MINUTE, request.busy)) continue;
        slots.push({ start: new Date(start), end: new Date(start + duration) });
      }
    }
  }
  return slots;
}
