import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getEntryByToken } from "@/lib/waitlist/entries";
import { formatDate } from "@/lib/ui/format";
import { LeaveWaitlistButton } from "../../../patient/leave-waitlist-button";

export const metadata: Metadata = { title: "Leave a waitlist", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The email's leave link: asks before leaving (a link alone never changes anything). */
export default async function LeavePage({ params }: Props) {
  const { token } = await params;
  const patient = await requireRole(["patient"], `/waitlist/leave/${encodeURIComponent(token)}`);
  const entry = TOKEN.test(token) ? await getEntryByToken(patient, token) : null;
  return (
    <div className="container-page max-w-xl py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Leave the waitlist</h1>
      {entry ? (
        <div className="card mt-6 p-6">
          <p className="text-slate-700">
            {entry.typeName} with {entry.providerName}, {formatDate(entry.fromDate)} to {formatDate(entry.toDate)}. Leaving gives any time held for you to the next
            person waiting.
          </p>
          <div className="mt-4">
            <LeaveWaitlistButton entryId={entry.id} label={`Leave the waitlist for ${entry.providerName}`} />
          </div>
        </div>
      ) : (
        <p role="status" className="mt-4 text-slate-700">
          You are no longer on this waitlist.
        </p>
      )}
      <Link href="/patient" className="btn-secondary mt-6">
        Your bookings and waitlists
      </Link>
    </div>
  );
}
