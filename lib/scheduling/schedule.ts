import { DateTime } from "luxon";
import { addDays } from "@/lib/ui/time-zone";
import { computeSlots, wallClockInstant, type Interval, type WeeklyRange } from "./slots";
import type { AppointmentKind } from "./appointment-kinds";

// A provider's schedule as loaded from the database (lib/scheduling/queries.ts) and the free
// slots it leaves, across all of the provider's locations. Pure, so it is tested without a database.

export type Schedule = {
  providerId: string;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Free cancellation up to this many hours before a visit: a booking keeps it, with the type's fee and deposit. */
  cancellationWindowHours: number;
  type: { id: string; kind: AppointmentKind; name: string; minutes: number; bufferAfterMinutes: number; feeCents: number; depositCents: number; telehealthAllowed: boolean; confirmsAutomatically: boolean };
  locations: { id: string; name: string; addressLine1: string; addressLine2: string | null; city: string; state: string; zip: string; timeZone: string; hours: WeeklyRange[] }[];
  busy: { start: string; end: string }[];
  timeOff: { start: string; end: string; locationId: string | null }[];
};

export type AvailableSlot = { start: string; end: string; locationId: string };

const toInterval = (i: { start: string; end: string }): Interval => ({ start: new Date(i.start), end: new Date(i.end) });

/** Free slots of `schedule` between two local dates (each location reads them in its own zone). */
export function slotsOf(schedule: Schedule, fromDate: string, toDate: string, now: Date, onlyLocationId?: string): AvailableSlot[] {
  const busy = schedule.busy.map(toInterval);
  const slots: AvailableSlot[] = [];
  for (const location of schedule.locations) {
    if (onlyLocationId && location.id !== onlyLocationId) continue;
    const timeOff = schedule.timeOff.filter((t) => t.locationId === null || t.locationId === location.id).map(toInterval);
    for (const slot of computeSlots({
      timeZone: location.timeZone,
      weeklyHours: location.hours,
      fromDate,
      toDate,
      durationMinutes: schedule.type.minutes,
      bufferAfterMinutes: schedule.type.bufferAfterMinutes,
      busy: [...busy, ...timeOff],
      now,
      minNoticeMinutes: schedule.minNoticeMinutes,
      horizonDays: schedule.horizonDays,
    })) {
      slots.push({ start: slot.start.toISOString(), end: slot.end.toISOString(), locationId: location.id });
    }
  }
  return slots.sort(bySlotOrder);
}

const bySlotOrder = (a: AvailableSlot, b: AvailableSlot) => a.start.localeCompare(b.start) || a.locationId.localeCompare(b.locationId);

/** The instants that cover local dates `from`..`to` in every US zone (and a day either side). */
export function rangeCovering(fromDate: string, toDate: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(fromDate, { zone: "UTC" }).minus({ days: 1 }).toJSDate(),
    end: DateTime.fromISO(toDate, { zone: "UTC" }).plus({ days: 2 }).toJSDate(),
  };
}

/** Days looked at first for a first free slot; most listed providers have one within them. */
const FIRST_LOOK_DAYS = 3;

/**
 * The first free slot between two local dates: `slotsOf(…)[0]` without computing every day when
 * an early one is free (a results page asks this of twenty providers). A slot found in the first
 * days is the first unless another location's next local date begins before it; then, or when
 * none is found there, the rest of the range is computed too.
 */
export function firstSlotOf(schedule: Schedule, fromDate: string, toDate: string, now: Date): AvailableSlot | undefined {
  const nearTo = addDays(fromDate, FIRST_LOOK_DAYS - 1);
  if (nearTo >= toDate) return slotsOf(schedule, fromDate, toDate, now)[0];
  const near = slotsOf(schedule, fromDate, nearTo, now)[0];
  const dayAfter = addDays(nearTo, 1);
  const dayAfterBegins = Math.min(...schedule.locations.map((l) => wallClockInstant(l.timeZone, dayAfter, 0)));
  if (near && new Date(near.start).getTime() < dayAfterBegins) return near;
  const later = slotsOf(schedule, dayAfter, toDate, now)[0];
  if (!near || !later) return near ?? later;
  return bySlotOrder(near, later) <= 0 ? near : later;
}

/** The local dates around an instant, wide enough for any US zone. */
export function daysAround(start: Date): { from: string; to: string } {
  const day = DateTime.fromJSDate(start, { zone: "UTC" });
  return { from: day.minus({ days: 1 }).toISODate()!, to: day.plus({ days: 1 }).toISODate()! };
}

/** Is `start` at `locationId` one of the schedule's free slots right now? */
export function isOffered(schedule: Schedule, locationId: string, start: Date, now: Date): boolean {
  const { from, to } = daysAround(start);
  return slotsOf(schedule, from, to, now, locationId).some((s) => new Date(s.start).getTime() === start.getTime());
}
