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

// Calendar files come from `ics` (maintained, RFC 5545 output with folding and escaping done
// right). Times are written in UTC, which every calendar converts; the clinic's zone is named in
// the description so the patient sees both.

const utc = (d: Date): DateArray => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

/** A confirmed booking as an .ics file, for its patient or its provider; null for anyone else. */
export async function bookingCalendarFile(user: CurrentUser, bookingId: string): Promise<{ filename: string; content: string } | null> {
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
    })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.status, "confirmed"), ownBookings(user)));
  if (!row) return null;
  const { error, value } = createEvent({
    uid: `${row.id}@relief-finder`,
    productId: "relief-finder/bookings",
    title: `${row.typeName} with ${row.providerName}`,
    start: utc(row.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utc(row.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: row.telehealth ? "Video visit" : `${row.locationName}, ${row.locationAddress}`,
    description: `At the clinic: ${formatInstant(row.startsAt.toISOString(), row.timeZone)} (${row.timeZone}).\nManage it: ${new URL("/patient", env.SITE_URL)}`,
    status: "CONFIRMED",
    url: new URL("/patient", env.SITE_URL).toString(),
  });
  if (error || !value) throw error ?? new Error("could not build the calendar file");
  return { filename: `relief-finder-${row.startsAt.toISOString().slice(0, 10)}.ics`, content: value };
}
