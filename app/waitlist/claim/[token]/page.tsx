import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getClaimTarget, OFFER_UNKNOWN } from "@/lib/waitlist/claim";

// The token is the link's secret: no Referer carries it onwards.
export const metadata: Metadata = { title: "Claim a time from the waitlist", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The email's claim link: the booking page with the held time chosen, or why it is no longer held. */
export default async function ClaimPage({ params }: Props) {
  const { token } = await params;
  const patient = await requireRole(["patient"], `/waitlist/claim/${encodeURIComponent(token)}`);
  const target = TOKEN.test(token) ? await getClaimTarget(patient, token) : { ok: false as const, message: OFFER_UNKNOWN };
  if (target.ok) redirect(target.href);
  return (
    <div className="container-page max-w-xl py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">This time is no longer held</h1>
      <p role="alert" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
        {target.message}
      </p>
      <Link href="/patient" className="btn-secondary mt-6">
        Your bookings and waitlists
      </Link>
    </div>
  );
}
