import type { PatientBooking } from "@/lib/booking/queries";

/**
 * How to join a video visit. The provider's room is given only once the visit is confirmed (the
 * booking's DTO carries it only then), so a request never hands out a link to a visit not agreed.
 */
export function VideoVisitLine({ booking }: { booking: Pick<PatientBooking, "telehealth" | "status" | "videoVisitUrl" | "provider"> }) {
  if (!booking.telehealth) return null;
  if (booking.videoVisitUrl) {
    return (
      <p className="text-sm text-slate-700">
        <a href={booking.videoVisitUrl} target="_blank" rel="noopener noreferrer" className="font-medium">
          Join the video visit<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    );
  }
  if (booking.status !== "confirmed") return <p className="text-sm text-slate-700">The link to join comes once {booking.provider.name} confirms.</p>;
  return <p className="text-sm text-slate-700">{booking.provider.name} will tell you how to join.</p>;
}
