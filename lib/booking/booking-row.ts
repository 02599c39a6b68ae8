import "server-only";
import { randomUUID } from "node:crypto";
import type { NewBooking } from "@/db/schema";
import { sealJson } from "@/lib/crypto/sealed-json";
import { formatAddress, type PostalLocation } from "@/lib/ui/address";

type Where = PostalLocation & { id: string; name: string; timeZone: string };
type What = { id: string; name: string; minutes: number; bufferAfterMinutes: number; feeCents: number; depositCents: number };

/** The span a booking at `start` takes: the visit, then the time the type's buffer keeps free. */
export function slotSpan(type: { minutes: number; bufferAfterMinutes: number }, start: Date): { startsAt: Date; endsAt: Date; blockedUntil: Date } {
  return {
    startsAt: start,
    endsAt: new Date(start.getTime() + type.minutes * 60_000),
    blockedUntil: new Date(start.getTime() + (type.minutes + type.bufferAfterMinutes) * 60_000),
  };
}

/**
 * A new booking row: a snapshot of where and what was booked and of its cancellation terms (so
 * later edits to the location, the type or the listing never rewrite it), the span it blocks
 * including the type's buffer, and the intake sealed under the booking's own id.
 */
export function newBookingRow(input: {
  providerId: string;
  patientId: string;
  location: Where;
  type: What;
  start: Date;
  status: NewBooking["status"];
  intake: unknown;
  telehealth?: boolean;
  patientState?: string | null;
  holdExpiresAt?: Date | null;
  depositCents?: number;
  /** The provider's free-cancellation window now, kept as the terms of this booking. */
  cancellationWindowHours: number;
  /** Booked under instant terms (./instant-booking.ts), kept like the window. */
  instant?: boolean;
}): NewBooking & { id: string } {
  const id = randomUUID();
  const { location, type, start } = input;
  return {
    id,
    providerId: input.providerId,
    patientId: input.patientId,
    locationId: location.id,
    appointmentTypeId: type.id,
    locationName: location.name,
    locationAddress: formatAddress(location),
    timeZone: location.timeZone,
    typeName: type.name,
    telehealth: input.telehealth ?? false,
    patientState: input.patientState ?? null,
    feeCents: type.feeCents,
    depositCents: input.depositCents ?? type.depositCents,
    cancellationWindowHours: input.cancellationWindowHours,
    instant: input.instant ?? false,
    ...slotSpan(type, start),
    status: input.status,
    holdExpiresAt: input.holdExpiresAt ?? null,
    intakeCiphertext: sealJson(input.intake, id),
  };
}
