import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { STATE_CODES, stateName } from "@/lib/geo/states";
import { getOwnLicenses, type OwnLicense } from "@/lib/licensing/queries";
import { trustDate } from "@/lib/licensing/trust";
import { getOwnListing } from "@/lib/listing/queries";
import { formatDate } from "@/lib/ui/format";
import { BoardCertificationForm, NpiForm, StateLicenseForm, WithdrawLicenseButton } from "./license-forms";
import { StartListingFirst } from "../start-listing-first";

export const metadata: Metadata = { title: "Licenses" };

const STATE_OPTIONS = STATE_CODES.map((code) => ({ value: code, label: `${stateName(code)} (${code})` }));

function StatusBadge({ license, today }: { license: OwnLicense; today: string }) {
  if (license.status === "verified" && license.expiresOn !== null && license.expiresOn < today) {
    return <span className="tag bg-red-100 text-red-900">Expired {formatDate(license.expiresOn)}</span>;
  }
  if (license.status === "verified") {
    return <span className="tag bg-emerald-100 text-emerald-900">Verified{license.verifiedAt ? ` on ${formatDate(license.verifiedAt.toISOString())}` : ""}</span>;
  }
  if (license.status === "rejected") return <span className="tag bg-red-100 text-red-900">Rejected</span>;
  return <span className="tag bg-amber-100 text-amber-900">Pending review</span>;
}

function LicenseSummary({ license, today }: { license: OwnLicense; today: string }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">
          {license.kind === "state" ? `${stateName(license.state ?? "")} license` : license.kind === "npi" ? "NPI" : license.issuer}
        </span>
        <StatusBadge license={license} today={today} />
      </div>
      <p className="text-sm text-slate-700">
        Number {license.number}
        {license.expiresOn ? ` · expires ${formatDate(license.expiresOn)}` : ""}
      </p>
      {license.status === "rejected" && license.rejectionReason ? (
        <p className="text-sm text-red-800">
          <strong>Reason:</strong> {license.rejectionReason}
        </p>
      ) : null}
    </div>
  );
}

export default async function LicensesPage() {
  const user = await requireRole(["provider"], "/provider/licenses");
  const [listing, licenses] = await Promise.all([getOwnListing(user), getOwnLicenses(user)]);
  if (!listing) {
    return <StartListingFirst title="Licenses" then="submit your NPI and licenses for review" />;
  }
  const today = trustDate();
  const npi = licenses.find((l) => l.kind === "npi" && l.status !== "rejected") ?? licenses.find((l) => l.kind === "npi");
  const stateLicenses = licenses.filter((l) => l.kind === "state");
  const boards = licenses.filter((l) => l.kind === "board");
  const licensedStates = new Set(stateLicenses.filter((l) => l.status !== "rejected").map((l) => l.state));
  const missingStates = [...new Set(listing.locations.map((l) => l.state))].filter((s) => !licensedStates.has(s)).sort();

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Licenses</h1>
        <p className="mt-1 max-w-prose text-slate-700">
          We check each number against the issuing registry before you appear in search. A changed license goes back to review.
        </p>
      </header>

      <section aria-labelledby="npi-heading" className="space-y-3">
        <h2 id="npi-heading" className="text-lg font-semibold text-slate-900">
          National Provider Identifier (NPI)
        </h2>
        {npi ? (
          <div className="card p-4">
            <LicenseSummary license={npi} today={today} />
          </div>
        ) : null}
        <NpiForm hasNpi={Boolean(npi && npi.status !== "rejected")} />
      </section>

      <section aria-labelledby="state-heading" className="space-y-3">
        <h2 id="state-heading" className="text-lg font-semibold text-slate-900">
          State licenses
        </h2>
        {missingStates.length > 0 ? (
          <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            You have locations in {missingStates.map(stateName).join(", ")} but no license there yet.
          </p>
        ) : null}
        {stateLicenses.length === 0 ? <p className="text-slate-700">No state licenses yet.</p> : null}
        <ul className="space-y-3">
          {stateLicenses.map((l) => (
            <li key={l.id} className="card space-y-3 p-4">
              <LicenseSummary license={l} today={today} />
              <details>
                <summary className="text-sm font-medium text-brand-700">
                  {l.status === "rejected" ? "Correct and resubmit" : "Edit or renew"}
                  <span className="sr-only"> the {stateName(l.state ?? "")} license</span>
                </summary>
                <div className="mt-3">
                  <StateLicenseForm states={STATE_OPTIONS} license={{ id: l.id, state: l.state ?? "", number: l.number, expiresOn: l.expiresOn ?? "" }} />
                </div>
              </details>
              <WithdrawLicenseButton id={l.id} label={`${stateName(l.state ?? "")} license ${l.number}`} />
            </li>
          ))}
        </ul>
        <div className="card p-4">
          <h3 className="font-semibold text-slate-900">Add a state license</h3>
          <StateLicenseForm states={STATE_OPTIONS} defaultState={missingStates[0]} />
        </div>
      </section>

      <section aria-labelledby="board-heading" className="space-y-3">
        <h2 id="board-heading" className="text-lg font-semibold text-slate-900">
          Board certification <span className="text-sm font-normal text-slate-600">(optional)</span>
        </h2>
        <ul className="space-y-3">
          {boards.map((l) => (
            <li key={l.id} className="card space-y-3 p-4">
              <LicenseSummary license={l} today={today} />
              <WithdrawLicenseButton id={l.id} label={`${l.issuer ?? "board"} certification`} />
            </li>
          ))}
        </ul>
        <div className="card p-4">
          <h3 className="font-semibold text-slate-900">Add a board certification</h3>
          <BoardCertificationForm />
        </div>
      </section>
    </div>
  );
}
