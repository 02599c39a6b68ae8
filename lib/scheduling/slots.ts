import { DateTime } from "luxon";

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

/**
 * The instant of a wall-clock time on `day`; a time inside a spring-forward gap moves forward, as
 * clocks do. (Luxon's plus({ minutes }) would add real minutes, which is wrong across a change.)
 */
function instantAt(day: DateTime, minuteOfDay: number): number {
  if (minuteOfDay >= 24 * 60) return day.plus({ days: 1 }).startOf("day").toMillis();
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 }).toMillis();
}

export function computeSlots(request: SlotRequest): Slot[] {
  const { timeZone, durationMinutes, bufferAfterMinutes } = request;
  const step = (request.stepMinutes ?? durationMinutes) * MINUTE;
  const duration = durationMinutes * MINUTE;
  const earliest = request.now.getTime() + request.minNoticeMinutes * MINUTE;
  const latest = request.now.getTime() + request.horizonDays * 24 * 60 * MINUTE;

  const first = DateTime.fromISO(request.fromDate, { zone: timeZone });
  const last = DateTime.fromISO(request.toDate, { zone: timeZone });
  if (!first.isValid || !last.isValid || !(step > 0) || !(duration > 0)) return [];

  const slots: Slot[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    const ranges = request.weeklyHours.filter((r) => r.weekday === day.weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const range of ranges) {
      // A range's edges are wall-clock times; the steps between them are real minutes.
      const rangeStart = instantAt(day, range.startMinute);
      const rangeEnd = instantAt(day, range.endMinute);
      for (let start = rangeStart; start + duration <= rangeEnd; start += step) {
        if (start < earliest || start > latest) continue;
        if (overlaps(start, start + duration + bufferAfterMinutes * MINUTE, request.busy)) continue;
        slots.push({ start: new Date(start), end: new Date(start + duration) });
      }
    }
  }
  return slots;
}
