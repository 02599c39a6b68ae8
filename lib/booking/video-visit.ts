import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { providers } from "@/db/schema";
import { telehealthStates, telehealthStatesMessage } from "@/lib/licensing/telehealth";
import type { Schedule } from "@/lib/scheduling/schedule";

/**
 * The provider's video room as the patient may see it: only on a confirmed video visit, so a
 * request never hands out a link to a visit not agreed. The one rule for the booking, its
 * calendar file and its emails.
 */
export function videoRoomFor(booking: { telehealth: boolean; status: string }, videoVisitUrl: string | null): string | null {
  return booking.telehealth && booking.status === "confirmed" ? videoVisitUrl : null;
}

export const TELEHEALTH_NOT_OFFERED = "This appointment type is not offered by video. Choose an in-person visit or another type.";

export type VideoVisitRefusal =
  | { reason: "invalid"; message: string; fieldErrors: Record<string, string> }
  | { reason: "unlicensed_state"; message: string; licensedStates: string[] };

/**
 * Whether a video visit may be booked, judged in the booking's transaction: the type must allow
 * video (asking anyway is refused, never quietly turned in-person), and the provider must hold a
 * verified, unexpired license in the state the patient will be in. Null when it may.
 */
export async function refuseVideoVisit(
  tx: Pick<Database, "select" | "selectDistinct">,
  request: { telehealth: boolean; patientState?: string },
  schedule: Schedule,
  now: Date,
): Promise<VideoVisitRefusal | null> {
  if (!request.telehealth) return null;
  if (!schedule.type.telehealthAllowed) return { reason: "invalid", message: TELEHEALTH_NOT_OFFERED, fieldErrors: { telehealth: TELEHEALTH_NOT_OFFERED } };
  const states = await telehealthStates(tx, schedule.providerId, now);
  if (request.patientState && states.includes(request.patientState)) return null;
  const [provider] = await tx.select({ name: providers.name }).from(providers).where(eq(providers.id, schedule.providerId));
  return { reason: "unlicensed_state", message: telehealthStatesMessage(provider?.name ?? "This provider", states), licensedStates: states };
}
