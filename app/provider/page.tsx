import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getOwnChecklist } from "@/lib/listing/queries";
import { getOwnProvider } from "@/lib/listing/owner";
import { listNames } from "@/lib/ui/format";
import { PublishSwitch } from "./publish-switch";

export const metadata: Metadata = { title: "Overview" };

export default async function ProviderOverviewPage() {
  const user = await requireRole(["provider"], "/provider");
  const [own, checklist] = await Promise.all([getOwnProvider(user), getOwnChecklist(user)]);

  if (!own || !checklist) {
    return (
      <section aria-labelledby="start-heading" className="card max-w-2xl p-6">
        <h1 id="start-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          Welcome, {user.name}
        </h1>
        <p className="mt-3 text-slate-700">
          Patients find you once your listing is published and we have verified your NPI and a state license for each place you
          practise. Start with your listing details; it stays a private draft until you publish it.
        </p>
        <ol className="mt-4 list-decimal space-y-1 pl-5 text-slate-800">
          <li>Fill in your listing: credentials, conditions you treat, prices and insurance.</li>
          <li>Add the locations where you see patients.</li>
          <li>Submit your NPI and state licenses for review.</li>
          <li>Publish. You appear in search as soon as the licenses are verified.</li>
        </ol>
        <Link href="/provider/listing" className="btn-primary mt-6">
          Start your listing
        </Link>
      </section>
    );
  }

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{own.name}</h1>
          <p className="mt-1 text-slate-700">
            {checklist.listed ? (
              <>
                <span className="font-semibold text-emerald-800">Listed in search</span> for your locations in {listNames(checklist.listedStates)}.{" "}
                <Link href={`/providers/${own.slug}`}>See your public profile</Link>
              </>
            ) : (
              <span className="font-semibold text-amber-800">Not in search yet.</span>
            )}
          </p>
        </div>
        <PublishSwitch published={own.listingStatus === "published"} />
      </header>

      <section aria-labelledby="blockers-heading">
        <h2 id="blockers-heading" className="text-lg font-semibold text-slate-900">
          {checklist.blockers.length === 0 ? "Nothing is holding your listing back" : "What still keeps you out of search"}
        </h2>
        {checklist.blockers.length === 0 ? (
          <p className="mt-2 text-slate-700">Your listing is complete, published and verified.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {checklist.blockers.map((b) => (
              <li key={b.code} className="card flex flex-wrap items-center justify-between gap-3 border-amber-200 bg-amber-50 p-4">
                <span id={`blocker-${b.code}`} className="text-slate-900">
                  {b.message}
                </span>
                <Link href={b.href} className="text-sm font-medium" aria-describedby={`blocker-${b.code}`}>
                  Fix this
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav aria-label="Listing sections" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[
          { href: "/provider/listing", title: "Listing", text: "Bio, conditions, prices, insurance and photo." },
          { href: "/provider/locations", title: "Locations", text: "Where you see patients." },
          { href: "/provider/licenses", title: "Licenses", text: "NPI, state licenses and board certification." },
          { href: "/provider/preview", title: "Preview", text: "Your profile as patients see it." },
        ].map((card) => (
          <Link key={card.href} href={card.href} className="card block p-4 no-underline hover:border-brand-600">
            <span className="font-semibold text-slate-900">{card.title}</span>
            <span className="mt-1 block text-sm text-slate-700">{card.text}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
