import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import { executeRows, type Database } from "@/db/client";
import { isUuid } from "@/db/uuid";
import { notLapsed } from "@/lib/booking/held";
import { isSlug } from "@/lib/listing/slug";
import { bookableLocation, trustDate } from "@/lib/licensing/trust";
import { addDays, isCalendarDate } from "@/lib/ui/time-zone";
import { MAX_RANGE_DAYS, firstOpening, openingRange } from "./opening";
import { isOffered, rangeCovering, slotsOf, type AvailableSlot, type Schedule } from "./schedule";

// Loads what the slot function needs for one provider and appointment type in one statement:
// the bookable locations (trust rule applied) with their weekly hours, the provider's active
// bookings and time off in the range. An unpaid hold past its expiry no longer blocks anything.

type Reader = Pick<Database, "execute">;

/**
 * The schedule of the listed provider `slug` for appointment type `typeId` (or their first initial
 * consultation when null), between two instants. Null when the provider is not listed anywhere or
 * the type is not theirs. Pass a transaction to read it inside a booking's transaction.
 */
export async function loadSchedule(
  by: { slug: string } | { providerId: string },
  typeId: string | null,
  range: { start: Date; end: Date },
  now: Date,
  reader?: Reader,
  /** A booking being moved: its current time does not block its new one. */
  ignoreBookingId?: string,
): Promise<Schedule | null> {
  // A malformed slug or id names nobody; checked here so no caller can send one to the database.
  if ("slug" in by ? !isSlug(by.slug) : !isUuid(by.providerId)) return null;
  const who = "slug" in by ? sql`p.slug = ${by.slug}` : sql`p.id = ${by.providerId}`;
  const [row] = await executeRows<ScheduleRow>(scheduleQuery(who, typeId, range, now, ignoreBookingId), reader);
  return row ? toSchedule(row) : null;
}

export type ScheduleRow = Omit<Schedule, "type"> & { slug: string; type: Schedule["type"] | null };

export function toSchedule(row: ScheduleRow): Schedule | null {
  if (!row.type || row.locations.length === 0) return null;
  const { slug: _slug, ...rest } = row;
  return { ...rest, type: row.type };
}

/** One row per provider matched by `who`: what the slot function needs, the trust rule applied. */
export function scheduleQuery(who: SQL, typeId: string | null, range: { start: Date; end: Date }, now: Date, ignoreBookingId?: string): SQL {
  const typeFilter = typeId ? sql`a.id = ${typeId}` : sql`a.kind = 'initial_consultation'`;
  return sql`
    select p.id as "providerId", p.slug, p.min_notice_minutes as "minNoticeMinutes", p.horizon_days as "horizonDays",
      p.cancellation_window_hours as "cancellationWindowHours",
      (select json_build_object('id', a.id, 'kind', a.kind, 'name', a.name, 'minutes', a.minutes, 'bufferAfterMinutes', a.buffer_after_minutes,
          'feeCents', a.fee_cents, 'depositCents', a.deposit_cents, 'telehealthAllowed', a.telehealth_allowed,
          'confirmsAutomatically', a.confirms_automatically)
        from appointment_types a where a.provider_id = p.id and a.archived_at is null and ${typeFilter}
        order by a.minutes, a.id limit 1) as type,
      (select coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'addressLine1', l.address_line1,
          'addressLine2', l.address_line2, 'city', l.city, 'state', l.state, 'zip', l.zip, 'timeZone', l.time_zone,
          'hours', (select coalesce(json_agg(json_build_object('weekday', w.weekday, 'startMinute', w.start_minute, 'endMinute', w.end_minute)), '[]'::json)
                    from weekly_hours w where w.location_id = l.id))
          order by l.state, l.city, l.name), '[]'::json)
        from locations l where l.provider_id = p.id and ${bookableLocation(trustDate(now))}) as locations,
      (select coalesce(json_agg(json_build_object('start', b.starts_at, 'end', b.blocked_until)), '[]'::json)
        from bookings b where b.provider_id = p.id ${ignoreBookingId ? sql`and b.id <> ${ignoreBookingId}` : sql``}
          and b.status in ('pending_payment', 'requested', 'confirmed') and ${notLapsed(now, "b")}
          and b.blocked_until > ${range.start.toISOString()}::timestamptz and b.starts_at < ${range.end.toISOString()}::timestamptz) as busy,
      (select coalesce(json_agg(json_build_object('start', t.starts_at, 'end', t.ends_at, 'locationId', t.location_id)), '[]'::json)
        from time_off t where t.provider_id = p.id
          and t.ends_at > ${range.start.toISOString()}::timestamptz and t.starts_at < ${range.end.toISOString()}::timestamptz) as "timeOff"
    from providers p
    where ${who}`;
}

export { MAX_RANGE_DAYS };

export type AvailabilityResult = { ok: true; slots: AvailableSlot[] } | { ok: false; status: 400 | 404; message: string; field?: string };

type DateRange = { ok: true; from: string; to: string } | { ok: false; status: 400; message: string; field: string };

// Free times exist only between yesterday (today in the zones behind UTC) and the longest booking
// horizon a provider may set, 365 days; dates outside are refused rather than computed, so a year
// 0001 or 9999 never becomes a timestamp.
const LATEST_DAY = 366;

/** The `from` and `to` dates of a request for free times, checked. */
export function parseDateRange(query: { from: string | null; to: string | null }, now: Date = new Date()): DateRange {
  const { from, to } = query;
  if (!from || !isCalendarDate(from)) return { ok: false, status: 400, message: "Give `from` as a date like 2026-12-01.", field: "from" };
  if (!to || !isCalendarDate(to)) return { ok: false, status: 400, message: "Give `to` as a date like 2026-12-31.", field: "to" };
  const today = trustDate(now);
  if (from < addDays(today, -1)) return { ok: false, status: 400, message: "`from` must be today or later.", field: "from" };
  if (to > addDays(today, LATEST_DAY)) return { ok: false, status: 400, message: "`to` must be within a year from today.", field: "to" };
  const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), "days").days;
  if (days < 0) return { ok: false, status: 400, message: "`to` must be on or after `from`.", field: "to" };
  if (days > MAX_RANGE_DAYS) return { ok: false, status: 400, message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, field: "to" };
  return { ok: true, from, to };
}

/** GET /api/providers/[slug]/slots: checks the query, then the free slots of a listed provider. */
export async function getAvailability(
  slug: string,
  query: { from: string | null; to: string | null; type: string | null },
  now: Date = new Date(),
): Promise<AvailabilityResult> {
  const range = parseDateRange(query, now);
  if (!range.ok) return range;
  const { from, to } = range;
  const { type } = query;
  if (type !== null && !isUuid(type)) {
    return { ok: false, status: 400, message: "`type` must be an appointment type id from the provider's profile.", field: "type" };
  }
  const schedule = await loadSchedule({ slug }, type, rangeCovering(from, to), now);
  if (!schedule) {
    return type
      ? { ok: false, status: 404, message: "No listed provider has that address, or the appointment type is not theirs." }
      : { ok: false, status: 404, message: "No listed provider has that address." };
  }
  return { ok: true, slots: slotsOf(schedule, from, to, now) };
}

/** The first free slot for an initial consultation within the provider's horizon, or null. */
export async function getNextAvailable(slug: string, now: Date = new Date()): Promise<AvailableSlot | null> {
  const { from, to } = openingRange(now);
  const schedule = await loadSchedule({ slug }, null, rangeCovering(from, to), now);
  return schedule ? (firstOpening(schedule, now) ?? null) : null;
}

/**
 * Is `start` still a free slot of `typeId` at `locationId`? If not, the next free times after it,
 * for the booking page to offer instead.
 */
export async function checkSlot(
  slug: string,
  typeId: string,
  locationId: string,
  start: string,
  now: Date = new Date(),
): Promise<{ free: true } | { free: false; alternatives: AvailableSlot[] }> {
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime())) return { free: false, alternatives: [] };
  const from = DateTime.fromJSDate(instant, { zone: "UTC" }).minus({ days: 1 }).toISODate()!;
  const to = DateTime.fromJSDate(instant, { zone: "UTC" }).plus({ days: 21 }).toISODate()!;
  const schedule = await loadSchedule({ slug }, typeId, rangeCovering(from, to), now);
  if (!schedule) return { free: false, alternatives: [] };
  // The usual answer (free) needs the days around the time only; the three weeks, for alternatives.
  if (isOffered(schedule, locationId, instant, now)) return { free: true };
  return { free: false, alternatives: slotsOf(schedule, from, to, now).filter((s) => new Date(s.start).getTime() > instant.getTime()).slice(0, 5) };
}
