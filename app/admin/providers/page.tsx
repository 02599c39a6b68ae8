import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { ADMIN_PAGE_SIZE, searchProvidersForAdmin } from "@/lib/listing/moderation";
import { formatDate, pluralize } from "@/lib/ui/format";
import { ModerationForm } from "./moderation-form";

export const metadata: Metadata = { title: "Providers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminProvidersPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireRole(["admin"], "/admin/providers");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const pageParam = Number(typeof params.page === "string" ? params.page : "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { rows, total } = await searchProvidersForAdmin(admin, { query, page });
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const link = (p: number) => `/admin/providers?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Providers</h1>
      <form role="search" className="flex max-w-xl items-end gap-3">
        <div className="flex-1">
          <label htmlFor="q" className="field-label">
            Name, profile address or email
          </label>
          <input id="q" name="q" type="search" defaultValue={query} maxLength={100} className="field-control" />
        </div>
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      <p className="text-slate-700">{total === 0 ? "No provider matches." : `${pluralize(total, "provider")}; suspended ones first.`}</p>
      <ul className="space-y-3">
        {rows.map((p) => (
          <li key={p.id} className="card flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
            <div className="space-y-1">
              <p className="font-semibold text-slate-900">
                {p.name}, {p.credentials}
              </p>
              <p className="text-sm text-slate-700">
                {p.email ?? "no account"} · {p.listingStatus === "published" ? "published" : "draft"} ·{" "}
                {p.listed ? <Link href={`/providers/${p.slug}`}>listed</Link> : "not listed"}
                {p.pendingLicenses > 0 ? ` · ${pluralize(p.pendingLicenses, "license")} pending` : ""}
              </p>
              {p.suspendedAt ? (
                <p className="text-sm text-red-800">
                  Suspended {formatDate(p.suspendedAt)}: {p.suspensionReason}
                </p>
              ) : null}
            </div>
            <ModerationForm providerId={p.id} name={p.name} suspended={p.suspendedAt !== null} />
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Provider pages" className="flex gap-4 text-sm">
          {page > 1 ? <Link href={link(page - 1)}>Previous page</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={link(page + 1)}>Next page</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
