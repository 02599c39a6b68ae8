import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import type { ProviderProfile } from "@/lib/providers/queries";
import { trustDate } from "@/lib/licensing/trust";
import { addDays } from "@/lib/ui/time-zone";
import { WaitlistForm } from "./waitlist-form";

/**
 * Under the free times: a patient who finds none that suits asks to hear of an earlier one. Others
 * are sent to sign in first; providers and admins have no waitlist.
 */
export function WaitlistSection({ provider, user }: { provider: ProviderProfile; user: CurrentUser | null }) {
  if (provider.appointmentTypes.length === 0 || (user && user.role !== "patient")) return null;
  const here = `/providers/${encodeURIComponent(provider.slug)}`;
  const today = trustDate();
  return (
    <section aria-labelledby="waitlist-heading" className="card p-5">
      <h2 id="waitlist-heading" className="text-base font-semibold text-slate-900">
        No time that suits?
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Tell us the days that suit you. If a time opens in them, we email you and hold it for you for 15 minutes. You can be on up to 3 waitlists.
      </p>
      {user ? (
        <WaitlistForm
          slug={provider.slug}
          types={provider.appointmentTypes.map((t) => ({ id: t.id, name: t.name }))}
          locations={provider.locations.map((l) => ({ id: l.id, name: l.name }))}
          today={today}
          lastDay={addDays(today, provider.horizonDays)}
        />
      ) : (
        <p className="mt-3 text-sm">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${here}#waitlist-heading`)}`}>Sign in to be told if an earlier time opens</Link>
        </p>
      )}
    </section>
  );
}
