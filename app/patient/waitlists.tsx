import Link from "next/link";
import type { WaitlistView } from "@/lib/waitlist/entries";
import { formatDate, isoDay } from "@/lib/ui/format";
import { LocalTime } from "../components/local-time";
import { LeaveWaitlistButton } from "./leave-waitlist-button";

/** The patient's waitlists, with a time held for them from one and "Leave" on each. */
export function Waitlists({ entries }: { entries: WaitlistView[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="waitlists-heading" className="card p-5">
      <h2 id="waitlists-heading" className="text-lg font-semibold text-slate-900">
        Your waitlists
      </h2>
      <p className="mt-1 text-sm text-slate-700">We email you when a time opens in these days and hold it for you for 15 minutes. At most 3 at once.</p>
      <ul className="mt-3 space-y-3">
        {entries.map((e) => (
          <li key={e.id} className="flex flex-wrap items-start justify-between gap-3">
            <div className="text-sm text-slate-800">
              <p>
                {e.typeName} with <Link href={`/providers/${encodeURIComponent(e.providerSlug)}`}>{e.providerName}</Link>
                {e.locationName ? ` at ${e.locationName}` : ""}
              </p>
              <p>
                <time dateTime={isoDay(e.fromDate)}>{formatDate(e.fromDate)}</time> to <time dateTime={isoDay(e.toDate)}>{formatDate(e.toDate)}</time>
              </p>
              {e.offer ? (
                <p className="font-medium text-emerald-900">
                  <LocalTime iso={e.offer.startsAt} /> is held for you until <LocalTime iso={e.offer.expiresAt} />. <Link href={e.offer.bookHref}>Claim this time</Link>
                </p>
              ) : null}
            </div>
            <LeaveWaitlistButton entryId={e.id} label={`Leave the waitlist for ${e.providerName}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
