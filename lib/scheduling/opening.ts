import { addDays, localDate } from "@/lib/ui/time-zone";
import { firstSlotOf, type AvailableSlot, type Schedule } from "./schedule";

// A provider's first free initial consultation and how long that answer holds by the clock alone.
// Pure: lib/scheduling/next-openings.ts loads the schedule and stores both, and the profile's
// "next opening" and the slots API compute the same first slot, so search never disagrees with them.

/** Days of free times one request may ask for; the next opening is looked for in as many. */
export const MAX_RANGE_DAYS = 62;

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;
// Longer than any range of free times asked for, so no slot in it lies past this horizon.
const LONGEST_HORIZON_DAYS = 366;

/** The local dates searched for a first opening: today by the trust rule's UTC date, and 62 days on. */
export function openingRange(now: Date): { from: string; to: string } {
  const from = now.toISOString().slice(0, 10);
  return { from, to: addDays(from, MAX_RANGE_DAYS) };
}

/** The first free slot the slots API gives for `from`..`to` = openingRange(now). */
export function firstOpening(schedule: Schedule, now: Date): AvailableSlot | undefined {
  const { from, to } = openingRange(now);
  return firstSlotOf(schedule, from, to, now);
}

export type OpeningFacts = {
  /** Null when the provider is not bookable anywhere: only a write can change that. */
  schedule: Schedule | null;
  first: AvailableSlot | undefined;
  now: Date;
  /** The earliest instant a hold or request now blocking a time lapses (lib/booking/held.ts). */
  lapsesAt: Date | null;
  /** Each bookable location's `listable_until` (the trust rule's last day, UTC). */
  listableUntil: Record<string, string>;
};

/**
 * The first instant at which `first` may no longer be the schedule's first slot although no row
 * changed; null when only a write can change it (nobody can book the provider). Until then only a write can change it, and every write marks it stale (migration 0035).
 * - the slot itself comes within the minimum notice;
 * - a hold or an unanswered request lapses and frees its time;
 * - the slot's location stops being listed when its license's last day ends;
 * - a new day: the range's first date drops a day the slot may be on (a zone behind UTC), and a
 *   later date enters it, on which a zone ahead of the slot's may open earlier than the slot;
 * - with none found, a new day may bring one, and so may the booking horizon moving on.
 */
export function openingStaleAt({ schedule, first, now, lapsesAt, listableUntil }: OpeningFacts): Date | null {
  if (!schedule) return null;
  const { from, to } = openingRange(now);
  const nextDay = new Date(`${addDays(from, 1)}T00:00:00Z`);
  const bounds: number[] = [];
  if (lapsesAt) bounds.push(lapsesAt.getTime());
  if (first) {
    bounds.push(new Date(first.start).getTime() - schedule.minNoticeMinutes * MINUTE + 1);
    const location = schedule.locations.find((l) => l.id === first.locationId);
    const day = location ? localDate(new Date(first.start), location.timeZone) : from;
    if (day < addDays(from, 1) || day >= to) bounds.push(nextDay.getTime());
    const lastDay = listableUntil[first.locationId];
    if (lastDay) bounds.push(new Date(`${addDays(lastDay, 1)}T00:00:00Z`).getTime());
  } else {
    bounds.push(nextDay.getTime());
    // The horizon ends at now + horizonDays: a time just past it becomes free as the clock moves.
    const beyond = firstSlotOf({ ...schedule, horizonDays: LONGEST_HORIZON_DAYS }, from, to, now);
    if (beyond) bounds.push(new Date(beyond.start).getTime() - schedule.horizonDays * DAY);
  }
  // Never at or before now: a row stale the moment it is stored would be recomputed forever.
  return new Date(Math.max(now.getTime() + 1, Math.min(...bounds)));
}
