import "server-only";
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb, type Database } from "@/db/client";
import { appointmentTypes, bookings, locations, providers, timeOff, weeklyHours } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getOwnProvider } from "@/lib/listing/owner";
import { START_LISTING_FIRST } from "@/lib/listing/queries";
import { offerFreedTimes } from "@/lib/waitlist/offers";
import type { DayRange } from "./hours-text";
import type { AppointmentTypeInput, TimeOffInput, WeeklyHoursInput } from "./validation";
import { scheduleTransaction } from "./next-openings";

// The provider's own schedule settings: appointment types, how soon and how far ahead patients may
// book, weekly hours per location and time off. Existing bookings are never moved by a change here.

export type SettingsResult = { ok: true; message?: string } | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export type OwnSchedule = {
  minNoticeMinutes: number;
  horizonDays: number;
  responseThresholdPercent: number;
  types: { id: string; kind: "initial_consultation" | "treatment" | "follow_up"; name: string; minutes: number; bufferAfterMinutes: number; feeCents: number; depositCents: number; telehealthAllowed: boolean; confirmsAutomatically: boolean }[];
  locations: { id: string; name: string; city: string; state: string; timeZone: string; hours: { weekday: number; startMinute: number; endMinute: number }[] }[];
  /** Each in the zone it was entered in (see addTimeOff). */
  timeOff: { id: string; locationId: string | null; startsAt: string; endsAt: string; note: string; timeZone: string }[];
};

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function withOwn(user: CurrentUser, now: Date, work: (tx: Tx, providerId: string) => Promise<SettingsResult>): Promise<SettingsResult> {
  assertRole(user, ["provider"], "only providers edit their schedule");
  const db = await getDb();
  return scheduleTransaction(db, now, async (tx) => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    return work(tx, own.id);
  });
}

/** Everything the schedule page edits; null before the provider has a listing. */
export async function getOwnSchedule(user: CurrentUser, now: Date = new Date()): Promise<OwnSchedule | null> {
  assertRole(user, ["provider"], "only providers have a schedule");
  const db = await getDb();
  const row = await db.query.providers.findFirst({
    where: eq(providers.userId, user.id),
    columns: { id: true, minNoticeMinutes: true, horizonDays: true, responseThresholdPercent: true },
    with: {
      appointmentTypes: {
        columns: { id: true, kind: true, name: true, minutes: true, bufferAfterMinutes: true, feeCents: true, depositCents: true, telehealthAllowed: true, confirmsAutomatically: true },
        where: isNull(appointmentTypes.archivedAt),
        orderBy: [asc(appointmentTypes.kind), asc(appointmentTypes.minutes)],
      },
      locations: {
        columns: { id: true, name: true, city: true, state: true, timeZone: true },
        orderBy: [asc(locations.state), asc(locations.city), asc(locations.name)],
        with: { hours: { columns: { weekday: true, startMinute: true, endMinute: true }, orderBy: [asc(weeklyHours.weekday), asc(weeklyHours.startMinute)] } },
      },
    },
  });
  if (!row) return null;
  const off = await db
    .select({ id: timeOff.id, locationId: timeOff.locationId, startsAt: timeOff.startsAt, endsAt: timeOff.endsAt, note: timeOff.note })
    .from(timeOff)
    .where(and(eq(timeOff.providerId, row.id), gte(timeOff.endsAt, now)))
    .orderBy(asc(timeOff.startsAt));
  return {
    minNoticeMinutes: row.minNoticeMinutes,
    horizonDays: row.horizonDays,
    responseThresholdPercent: row.responseThresholdPercent,
    types: row.appointmentTypes,
    locations: row.locations,
    timeOff: off.map((t) => ({
      ...t,
      startsAt: t.startsAt.toISOString(),
      endsAt: t.endsAt.toISOString(),
      // As addTimeOff reads it: the location's zone, or the first location's for all of them.
      timeZone: row.locations.find((l) => l.id === t.locationId)?.timeZone ?? row.locations[0]?.timeZone ?? "UTC",
    })),
  };
}

export function saveBookingWindow(user: CurrentUser, input: { minNoticeHours: number; horizonDays: number }, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    await tx
      .update(providers)
      .set({ minNoticeMinutes: input.minNoticeHours * 60, horizonDays: input.horizonDays, updatedAt: now })
      .where(and(eq(providers.id, providerId), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: "schedule.window_changed", subjectType: "provider", subjectId: providerId, details: input });
    return { ok: true, message: "Booking window saved." };
  });
}

/**
 * The fall in headache days after two cycles this provider looks for to continue treatment: what
 * their patients' response is judged against (lib/treatments/response.ts).
 */
export function saveResponseThreshold(user: CurrentUser, input: { thresholdPercent: number }, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    await tx.update(providers).set({ responseThresholdPercent: input.thresholdPercent, updatedAt: now }).where(and(eq(providers.id, providerId), eq(providers.userId, user.id)));
    await recordAudit(tx, { actorId: user.id, action: "schedule.response_threshold_changed", subjectType: "provider", subjectId: providerId, details: input });
    return { ok: true, message: "Threshold saved. Your patients' treatment summaries use it from now." };
  });
}

/** Replaces one of the provider's own locations' weekly hours. */
export function saveWeeklyHours(user: CurrentUser, input: WeeklyHoursInput, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    const [location] = await tx.select({ id: locations.id }).from(locations).where(and(eq(locations.id, input.locationId), eq(locations.providerId, providerId)));
    if (!location) return { ok: false, error: "That location no longer exists. Reload the page." };
    await tx.delete(weeklyHours).where(eq(weeklyHours.locationId, location.id));
    const rows = input.days.flatMap((d) => d.ranges.map((r: DayRange) => ({ locationId: location.id, weekday: d.weekday, ...r })));
    if (rows.length > 0) await tx.insert(weeklyHours).values(rows);
    await recordAudit(tx, { actorId: user.id, action: "schedule.hours_changed", subjectType: "provider", subjectId: providerId, details: { locationId: location.id, ranges: rows.length } });
    await offerFreedTimes(tx, providerId, now);
    return { ok: true, message: "Hours saved. Existing bookings stay as they are." };
  });
}

/** Adds time off, read in the location's zone (for every location, in the first one's zone). */
export function addTimeOff(user: CurrentUser, input: TimeOffInput, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId): Promise<SettingsResult> => {
    const own = await tx
      .select({ id: locations.id, timeZone: locations.timeZone })
      .from(locations)
      .where(and(eq(locations.providerId, providerId), input.locationId ? eq(locations.id, input.locationId) : sql`true`))
      .orderBy(asc(locations.state), asc(locations.city), asc(locations.name))
      .limit(1);
    const location = own[0];
    if (!location) return { ok: false, error: input.locationId ? "That location no longer exists. Reload the page." : "Add a location first." };
    const start = DateTime.fromISO(`${input.startDate}T${input.startTime || "00:00"}`, { zone: location.timeZone });
    const end = input.endTime
      ? DateTime.fromISO(`${input.endDate}T${input.endTime}`, { zone: location.timeZone })
      : DateTime.fromISO(input.endDate, { zone: location.timeZone }).plus({ days: 1 });
    if (!start.isValid || !end.isValid) return { ok: false, fieldErrors: { startDate: "Choose real dates." } };
    if (end.diff(start, "days").days > 366) return { ok: false, fieldErrors: { endDate: "Time off can last at most a year." } };
    const [row] = await tx
      .insert(timeOff)
      .values({ providerId, locationId: input.locationId || null, startsAt: start.toJSDate(), endsAt: end.toJSDate(), note: input.note })
      .returning({ id: timeOff.id });
    const overlapping = await tx.$count(
      bookings,
      and(eq(bookings.providerId, providerId), inArray(bookings.status, ["requested", "confirmed"]), sql`${bookings.startsAt} < ${end.toJSDate().toISOString()}::timestamptz and ${bookings.endsAt} > ${start.toJSDate().toISOString()}::timestamptz`),
    );
    await recordAudit(tx, { actorId: user.id, action: "schedule.time_off_added", subjectType: "provider", subjectId: providerId, details: { timeOffId: row!.id } });
    return {
      ok: true,
      message: overlapping > 0 ? `Time off added. ${overlapping} booking${overlapping === 1 ? "" : "s"} already fall in it: cancel or move them in Requests.` : "Time off added.",
    };
  });
}

export function removeTimeOff(user: CurrentUser, timeOffId: string, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    const removed = await tx.delete(timeOff).where(and(eq(timeOff.id, timeOffId), eq(timeOff.providerId, providerId))).returning({ id: timeOff.id });
    if (removed.length === 0) return { ok: false, error: "That time off was already removed. Reload the page." };
    await recordAudit(tx, { actorId: user.id, action: "schedule.time_off_removed", subjectType: "provider", subjectId: providerId, details: { timeOffId } });
    await offerFreedTimes(tx, providerId, now);
    return { ok: true, message: "Time off removed." };
  });
}

/** Adds an appointment type, or edits one of the provider's own (bookings keep what they booked). */
export function saveAppointmentType(user: CurrentUser, input: AppointmentTypeInput, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    const { id, ...values } = input;
    if (id) {
      const updated = await tx
        .update(appointmentTypes)
        .set(values)
        .where(and(eq(appointmentTypes.id, id), eq(appointmentTypes.providerId, providerId), isNull(appointmentTypes.archivedAt)))
        .returning({ id: appointmentTypes.id });
      if (updated.length === 0) return { ok: false, error: "That appointment type no longer exists. Reload the page." };
    } else {
      const active = await tx.$count(appointmentTypes, and(eq(appointmentTypes.providerId, providerId), isNull(appointmentTypes.archivedAt)));
      if (active >= 12) return { ok: false, error: "A listing can offer at most 12 appointment types." };
      await tx.insert(appointmentTypes).values({ providerId, ...values });
    }
    await recordAudit(tx, { actorId: user.id, action: id ? "schedule.type_changed" : "schedule.type_added", subjectType: "provider", subjectId: providerId, details: { kind: values.kind } });
    return { ok: true, message: id ? "Appointment type saved." : "Appointment type added." };
  });
}

/** Stops offering a type. It is archived, not deleted, so bookings made with it keep their record. */
export function archiveAppointmentType(user: CurrentUser, typeId: string, now: Date = new Date()): Promise<SettingsResult> {
  return withOwn(user, now, async (tx, providerId) => {
    const archived = await tx
      .update(appointmentTypes)
      .set({ archivedAt: now })
      .where(and(eq(appointmentTypes.id, typeId), eq(appointmentTypes.providerId, providerId), isNull(appointmentTypes.archivedAt)))
      .returning({ id: appointmentTypes.id });
    if (archived.length === 0) return { ok: false, error: "That appointment type was already removed. Reload the page." };
    await recordAudit(tx, { actorId: user.id, action: "schedule.type_archived", subjectType: "provider", subjectId: providerId, details: { typeId } });
    return { ok: true, message: "Appointment type removed. Existing bookings keep it." };
  });
}
