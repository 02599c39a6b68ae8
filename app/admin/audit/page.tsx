import type { Metadata } from "next";
import Link from "next/link";
import { getAuditLog } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { LocalTime } from "../../components/local-time";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = [
  { value: "", label: "Everything" },
  { value: "license.", label: "Licenses" },
  { value: "provider.", label: "Suspensions" },
  { value: "listing.", label: "Listings" },
  { value: "user.", label: "Role changes" },
  { value: "account.", label: "Accounts" },
  { value: "review.", label: "Reviews" },
] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireRole(["admin"], "/admin/audit");
  const params = await searchParams;
  const action = FILTERS.find((f) => f.value === params.action)?.value ?? "";
  const before = Number(typeof params.before === "string" ? params.before : "");
  const beforeId = Number.isSafeInteger(before) && before > 0 ? before : undefined;
  const { rows, nextBeforeId } = await getAuditLog(admin, { beforeId, action: action || undefined });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Audit log</h1>
      <p className="max-w-prose text-slate-700">Every verification, rejection, suspension, role change and listing change, newest first. Entries can never be edited or deleted.</p>
      <form className="flex items-end gap-3">
        <div>
          <label htmlFor="action" className="field-label">
            Show
          </label>
          <select id="action" name="action" defaultValue={action} className="field-control">
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-700">No entries.</p>
      ) : (
        // Focusable so a keyboard can scroll the table sideways on a narrow screen.
        <div className="overflow-x-auto" role="region" aria-label="Audit entries" tabIndex={0}>
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">When</th>
                <th scope="col" className="py-2 pr-4 font-medium">Who</th>
                <th scope="col" className="py-2 pr-4 font-medium">What</th>
                <th scope="col" className="py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <LocalTime iso={r.createdAt} />
                  </td>
                  <td className="py-2 pr-4">{r.actor ? `${r.actor.name} (${r.actor.role})` : "system"}</td>
                  <td className="py-2 pr-4">
                    <code className="text-slate-900">{r.action}</code>
                    <span className="block text-xs text-slate-600">
                      {r.subjectType} {r.subjectId.slice(0, 8)}
                    </span>
                  </td>
                  <td className="py-2 break-words text-slate-700">{describeDetails(r.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBeforeId ? (
        <Link href={`/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: String(nextBeforeId) })}`}>Older entries</Link>
      ) : null}
    </div>
  );
}
