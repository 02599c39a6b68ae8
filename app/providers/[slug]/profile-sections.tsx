import type { ProviderProfile } from "@/lib/providers/queries";
import { directionsUrl } from "@/lib/ui/address";
import { estimateTreatmentCost } from "@/lib/ui/estimate";
import { formatDate, formatMinutes, formatMoney, isoDay, midSentence } from "@/lib/ui/format";

type Props = { provider: ProviderProfile };

function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="text-xl font-semibold text-slate-900">
      {children}
    </h2>
  );
}

function SideCard({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card p-5">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3 text-sm text-slate-800">{children}</div>
    </section>
  );
}

export function ConditionsTreated({ provider }: Props) {
  if (provider.conditions.length === 0) return null;
  return (
    <section aria-labelledby="conditions-heading">
      <SectionHeading id="conditions-heading">Conditions treated</SectionHeading>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {provider.conditions.map((c) => (
          <li key={c.slug} className="card p-4">
            <h3 className="font-semibold text-slate-900">{c.name}</h3>
            {c.yearsTreating > 0 ? (
              <p className="mt-1 text-sm text-slate-700">
                Treating for {c.yearsTreating} {c.yearsTreating === 1 ? "year" : "years"}
              </p>
            ) : null}
            {c.note.trim() !== "" ? <p className="mt-2 text-sm text-slate-800">{c.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Prices({ provider }: Props) {
  const perUnit = provider.pricePerUnitCents;
  const estimates = provider.conditions.flatMap((c) => {
    const estimate = estimateTreatmentCost(perUnit, c.typicalUnitsLow, c.typicalUnitsHigh);
    return estimate ? [{ condition: c, estimate }] : [];
  });
  return (
    <section aria-labelledby="prices-heading">
      <SectionHeading id="prices-heading">Prices</SectionHeading>
      <dl className="mt-4 grid grid-cols-2 gap-3">
        <div className="card p-4">
          <dt className="text-sm text-slate-700">Consultation</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900">
            {provider.consultFeeCents !== null ? formatMoney(provider.consultFeeCents) : <span className="text-base font-medium text-slate-700">Add an initial consultation type</span>}
          </dd>
        </div>
        <div className="card p-4">
          <dt className="text-sm text-slate-700">Botox, per unit</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900">
            {perUnit !== null ? formatMoney(perUnit) : <span className="text-base font-medium text-slate-700">Ask the provider</span>}
          </dd>
        </div>
      </dl>
      {estimates.length > 0 && perUnit !== null ? (
        <div className="mt-5 rounded-xl bg-slate-50 p-4 sm:p-5">
          <h3 className="font-semibold text-slate-900">What a treatment might cost</h3>
          <ul className="mt-2 space-y-2 text-slate-800">
            {estimates.map(({ condition, estimate }) => (
              <li key={condition.slug}>
                A typical {midSentence(condition.name)} treatment uses about {estimate.unitsLow}–{estimate.unitsHigh} units:
                about{" "}
                <strong className="font-semibold text-slate-900">
                  {formatMoney(estimate.lowCents)}–{formatMoney(estimate.highCents)}
                </strong>{" "}
                at {formatMoney(perUnit)} per unit.
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">
            These are estimates, not quotes. Your dose depends on your evaluation, and the provider confirms the price with
            you before treatment.
          </p>
        </div>
      ) : null}
      <DepositAndCancellation provider={provider} />
    </section>
  );
}

function DepositAndCancellation({ provider }: Props) {
  const hours = provider.cancellationWindowHours;
  const policy = provider.cancellationPolicy.trim();
  return (
    <div className="mt-5">
      <h3 className="font-semibold text-slate-900">Deposit and cancellation</h3>
      <dl className="mt-2 grid gap-x-6 gap-y-2 text-slate-800 sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-medium text-slate-900">Deposit when you book</dt>
        <dd>{provider.depositCents ? formatMoney(provider.depositCents) : "None"}</dd>
        <dt className="font-medium text-slate-900">Cancel or reschedule</dt>
        <dd>{hours > 0 ? `Up to ${hours} ${hours === 1 ? "hour" : "hours"} before your appointment; after that only the clinic can move it` : "Any time before your appointment"}</dd>
        {policy !== "" ? (
          <>
            <dt className="font-medium text-slate-900">Policy</dt>
            <dd className="max-w-prose">{policy}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

export function AppointmentTypes({ provider }: Props) {
  if (provider.appointmentTypes.length === 0) return null;
  return (
    <section aria-labelledby="appointments-heading">
      <SectionHeading id="appointments-heading">Appointment types</SectionHeading>
      <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200">
        {provider.appointmentTypes.map((a) => (
          <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
            <div>
              <h3 className="font-medium text-slate-900">{a.name}</h3>
              <p className="text-sm text-slate-700">
                {formatMinutes(a.minutes)}
                {a.instantBooking ? <span className="tag ml-2 bg-emerald-50 text-emerald-800">Instant booking</span> : null}
              </p>
            </div>
            <p className="text-right">
              <span className="font-semibold text-slate-900">{formatMoney(a.feeCents)}</span>
              <span className="block text-sm text-slate-700">
                {a.depositCents > 0 ? `${formatMoney(a.depositCents)} deposit` : "No deposit"}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Locations({ provider }: Props) {
  return (
    <SideCard id="locations-heading" title={provider.locations.length === 1 ? "Location" : "Locations"}>
      <ul className="space-y-4">
        {provider.locations.map((l) => (
          <li key={l.id}>
            <p className="font-medium text-slate-900">{l.name}</p>
            <address className="text-slate-700 not-italic">
              {l.addressLine1}
              <br />
              {l.addressLine2 ? (
                <>
                  {l.addressLine2}
                  <br />
                </>
              ) : null}
              {l.city}, {l.state} {l.zip}
            </address>
            <a href={directionsUrl(l)} className="mt-1 inline-block font-medium">
              Directions<span className="sr-only"> to {l.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </SideCard>
  );
}

export function Payment({ provider }: Props) {
  return (
    <SideCard id="insurance-heading" title="Insurance and self-pay">
      {provider.insurance.length > 0 ? (
        <>
          <p className="text-slate-700">Accepts:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {provider.insurance.map((c) => (
              <li key={c.slug} className="tag">
                {c.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Does not bill insurance.</p>
      )}
      <p className="mt-3">{provider.selfPay ? "Self-pay patients are welcome." : "Does not offer self-pay."}</p>
      <p className="mt-3 text-xs text-slate-600">
        Insurance often does not cover Botox for pain. Ask your plan whether you need prior authorization.
      </p>
    </SideCard>
  );
}

const LICENSE_KIND: Record<ProviderProfile["licenses"][number]["kind"], string> = {
  npi: "National Provider Identifier (NPI)",
  state: "State medical license",
  board: "Board certification",
};

export function Licenses({ provider }: Props) {
  return (
    <SideCard id="licenses-heading" title="Verified licenses">
      <ul className="space-y-3">
        {provider.licenses.map((l) => (
          <li key={`${l.kind}-${l.state ?? ""}-${l.number}`}>
            <p className="font-medium text-slate-900">
              {LICENSE_KIND[l.kind]}
              {l.state ? `, ${l.state}` : ""}
            </p>
            <p className="text-slate-700">Number {l.number}</p>
            <p className="text-slate-700">
              Verified on <time dateTime={isoDay(l.verifiedAt)}>{formatDate(l.verifiedAt)}</time>
              {l.expiresOn ? (
                <>
                  {" "}
                  · expires <time dateTime={isoDay(l.expiresOn)}>{formatDate(l.expiresOn)}</time>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </SideCard>
  );
}
