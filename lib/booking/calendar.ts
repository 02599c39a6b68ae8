import "server-only";
import { and, eq } from "drizzle-orm";
import { createEvent, type DateArray } from "ics";
import { getDb } from "@/db/client";
import { bookings, providers } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import type { CurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/ui/format";
import { ownBookings } from "./ownership";
import { videoRoomFor } from "./video-visit";

// Calendar files come from `ics` (maintained, RFC 5545 output with folding and escaping done
// right). Times are written in UTC, which every calendar converts; the clinic's zone is named in
// the description so the patient sees both.

const utc = (d: Date): DateArray => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

type CalendarRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  typeName: string;
  locationName: string;
  locationAddress: string;
  telehealth: boolean;
  providerName: string;
  /** The room to join, already judged by videoRoomFor. */
  videoVisitUrl: string | null;
};

async function confirmedBooking(bookingId: string, only?: ReturnType<typeof ownBookings>): Promise<CalendarRow | null> {
  if (!isUuid(bookingId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      timeZone: bookings.timeZone,
      typeName: bookings.typeName,
      locationName: bookings.locationName,
      locationAddress: bookings.locationAddress,
      telehealth: bookings.telehealth,
      providerName: providers.name,
      status: bookings.status,
      videoVisitUrl: providers.videoVisitUrl,
    })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.status, "confirmed"), only));
  if (!row) return null;
  const { status, videoVisitUrl, ...rest } = row;
  return { ...rest, videoVisitUrl: videoRoomFor({ telehealth: row.telehealth, status }, videoVisitUrl) };
}

/**
 * `discreet` leaves out the appointment type's and the location's names, which providers write and
 * which can name a treatment or a condition: a file attached to an email travels as the email does.
 */
function render(row: CalendarRow, discreet: boolean): { filename: string; content: string } {
  const { error, value } = createEvent({
    uid: `${row.id}@relief-finder`,
    productId: "relief-finder/bookings",
    title: discreet ? `Appointment with ${row.providerName}` : `${row.typeName} with ${row.providerName}`,
    start: utc(row.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utc(row.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: row.videoVisitUrl ? `Video visit: ${row.videoVisitUrl}` : row.telehealth ? "Video visit" : discreet ? row.locationAddress : `${row.locationName}, ${row.locationAddress}`,
    description: [
      `At the clinic: ${formatInstant(row.startsAt.toISOString(), row.timeZone)} (${row.timeZone}).`,
      ...(row.videoVisitUrl ? [`Join the video visit: ${row.videoVisitUrl}`] : []),
      `Manage it: ${new URL("/patient", env.SITE_URL)}`,
    ].join("\n"),
    status: "CONFIRMED",
    url: new URL("/patient", env.SITE_URL).toString(),
  });
  if (error || !value) throw error ?? new Error("could not build the calendar file");
  return { filename: `relief-finder-${row.startsAt.toISOString().slice(0, 10)}.ics`, content: value };
}

/** A confirmed booking as an .ics file, for its patient or its provider; null for anyone else. */
export async function bookingCalendarFile(user: CurrentUser, bookingId: string): Promise<{ filename: string; content: string } | null> {
  const row = await confirmedBooking(bookingId, ownBookings(user));
  return row ? render(row, false) : null;
}

/**
 * The .ics attached to a confirmation email, made when the email is sent: null once the booking is
 * no longer confirmed. The outbox row names the booking, so only its own addressee gets it.
 */
export async function confirmationAttachment(bookingId: string): Promise<{ filename: string; content: string } | null> {
  const row = await confirmedBooking(bookingId);
  return row ? render(row, true) : null;
}
