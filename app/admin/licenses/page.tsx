import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { stateName } from "@/lib/geo/states";
import { getExpiringLicenses, getReviewQueue, QUEUE_PAGE_SIZE, type QueuedLicense } from "@/lib/licensing/review";
import { describeLicense } from "@/lib/licensing/validation";
import { formatDate, pluralize } from "@/lib/ui/format";
import { ReviewForms } from "./review-forms";

export const metadata: Metadata = { title: "License queue" };

function registryLink(license: QueuedLicense) {
  // Where a reviewer checks the number; state boards differ, so only the NPI registry is linked.
  if (license.kind !== "npi") return null;
  return (
    <a href={`https://npiregistry.cms.hhs.gov/provider-view/${license.number}`} target="_blank" rel="noreferrer" className="text-sm font-medium">
      Open in the NPPES registry<span className="sr-only"> (new tab)</span>
    </a>
  );
}

function pageNumber(value: string | string[] | undefined): number {
  const n = Number(typeof value === "string" ? value : "1");
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export default async function LicenseQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireRole(["admin"], "/admin/licenses");
  const page = pageNumber((await searchParams).page);
  const [queue, expiring] = await Promise.all([getReviewQueue(admin, page), getExpiringLicenses(admin)]);
  const pages = Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE));
  return (
    <div className="space-y-10">
      <section aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          License queue
        </h1>
        <p className="mt-1 text-slate-700">
          {queue.total === 0 ? "Nothing waiting for review." : `${pluralize(queue.total, "license")} waiting, oldest first.`}
        </p>
        <ol className="mt-4 space-y-4">
          {queue.items.map((l) => (
            <li key={l.id} className="card p-5" aria-labelledby={`license-${l.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="space-y-1">
                  <h2 id={`license-${l.id}`} className="text-lg font-semibold text-slate-900">
                    {describeLicense(l)} · {l.number}
                  </h2>
                  <p className="text-sm text-slate-700">
                    {l.provider.name}, {l.provider.credentials} · {l.provider.specialty}
                    {l.provider.email ? ` · ${l.provider.email}` : ""}
                    {l.provider.suspended ? <strong className="text-red-800"> · suspended</strong> : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {l.expiresOn ? `Expires ${formatDate(l.expiresOn)} · ` : ""}
                    {l.resubmitted ? "Resubmitted" : "Submitted"} {formatDate(l.submittedAt)}
                  </p>
                  <p className="text-sm text-slate-700">
                    Locations: {l.places.length > 0 ? l.places.join("; ") : "none yet"}
                    {l.kind === "state" && l.state && !l.places.some((p) => p.endsWith(`, ${l.state}`)) ? ` (none in ${stateName(l.state)})` : ""}
                  </p>
                  {registryLink(l)}
                </div>
              </div>
              <ReviewForms id={l.id} label={`${describeLicense(l)} of ${l.provider.name}`} />
            </li>
          ))}
        </ol>
        {pages > 1 ? (
          <nav aria-label="Queue pages" className="mt-4 flex gap-4 text-sm">
            {page > 1 ? <Link href={`/admin/licenses?page=${page - 1}`}>Newer page</Link> : null}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={`/admin/licenses?page=${page + 1}`}>Next page</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="expiring-heading">
        <h2 id="expiring-heading" className="text-xl font-semibold text-slate-900">
          Expiring within 30 days
        </h2>
        {expiring.length === 0 ? (
          <p className="mt-2 text-slate-700">No verified license expires in the next 30 days.</p>
        ) : (
          <div className="mt-3 overflow-x-auto" role="region" aria-label="Licenses expiring within 30 days" tabIndex={0}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Expires</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Provider</th>
                  <th scope="col" className="py-2 pr-4 font-medium">License</th>
                  <th scope="col" className="py-2 font-medium">Contact</th>
                </tr>
              </thead>
              <tbody>
                {expiring.map((l) => (
                  <tr key={l.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{formatDate(l.expiresOn)}</td>
                    <td className="py-2 pr-4">
                      {l.provider.name}, {l.provider.credentials}
                    </td>
                    <td className="py-2 pr-4">
                      {describeLicense(l)} {l.number}
                    </td>
                    <td className="py-2">{l.provider.email ?? "no account"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
