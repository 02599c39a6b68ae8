import type { Metadata } from "next";
import Link from "next/link";
import { ACCOUNTS_PAGE_SIZE, searchAccountsForAdmin, type AdminAccountRow } from "@/lib/auth/account-moderation";
import { requireRole } from "@/lib/auth/session";
import { formatDate, pluralize } from "@/lib/ui/format";
import { AccountStatusForm } from "./account-status-form";

export const metadata: Metadata = { title: "Accounts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function statusLine(row: AdminAccountRow): string {
  if (row.status === "deleted") return "closed";
  if (!row.disabled) return "active";
  const when = row.disabled.at ? ` ${formatDate(row.disabled.at)}` : "";
  return `disabled${when}${row.disabled.reason ? `: ${row.disabled.reason}` : ""}`;
}

export default async function AdminAccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireRole(["admin"], "/admin/accounts");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 254) : "";
  const pageParam = Number(typeof params.page === "string" ? params.page : "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { rows, total } = await searchAccountsForAdmin(admin, { query, page });
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const link = (p: number) => `/admin/accounts?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Accounts</h1>
      <p className="max-w-2xl text-slate-700">
        Disabling an account signs it out everywhere at once and refuses its sign-ins; a provider&apos;s listing is suspended with it.
        Enabling lets the person sign in again.
      </p>
      <form role="search" className="flex max-w-xl items-end gap-3">
        <div className="flex-1">
          <label htmlFor="q" className="field-label">
            Email
          </label>
          <input id="q" name="q" type="search" defaultValue={query} maxLength={254} className="field-control" />
        </div>
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      <p className="text-slate-700">{total === 0 ? "No account matches." : `${pluralize(total, "account")}; disabled ones first.`}</p>
      <ul className="space-y-3">
        {rows.map((a) => (
          <li key={a.id} className="card flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
            <div className="space-y-1">
              <p className="font-semibold text-slate-900">{a.email}</p>
              <p className="text-sm text-slate-700">
                {a.name} · {a.role} · since {formatDate(a.createdAt)} ·{" "}
                <span className={a.status === "active" ? "" : "font-medium text-red-800"}>{statusLine(a)}</span>
              </p>
            </div>
            {a.id === admin.id ? (
              <p className="text-sm text-slate-600">Your own account</p>
            ) : a.role === "admin" ? (
              <p className="text-sm text-slate-600">Admins are managed with npm run admin:create</p>
            ) : a.status === "deleted" ? null : (
              <AccountStatusForm userId={a.id} email={a.email} disabled={a.status === "suspended"} />
            )}
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Account pages" className="flex gap-4 text-sm">
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
