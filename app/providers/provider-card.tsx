import Link from "next/link";
import { LocalTime } from "../components/local-time";
import { formatDistance, formatMoney } from "@/lib/ui/format";
import type { ProviderCard as Card } from "@/lib/search/types";
import { ProviderAvatar } from "../components/provider-avatar";
import { VerifiedBadge } from "../components/verified-badge";

/** One search result; the name links to the profile and the link covers the whole card. */
export function ProviderCard({
  provider,
  conditionNames,
  insuranceNames,
  compact = false,
  nextAvailable,
}: {
  provider: Card;
  conditionNames: string[];
  insuranceNames: string[];
  /** A narrow card for sidebars: no condition list or payment line. */
  compact?: boolean;
  /** The first free consultation; null when none in the next two weeks, undefined when not looked up. */
  nextAvailable?: string | null;
}) {
  const payment =
    insuranceNames.length === 0
      ? provider.selfPay
        ? "Self-pay only"
        : "Ask about payment"
      : `${insuranceNames.join(", ")}${provider.selfPay ? " · Self-pay" : ""}`;
  return (
    <article className={`card relative flex gap-4 p-4 transition-shadow focus-within:shadow-md hover:shadow-md ${compact ? "" : "sm:p-5"}`}>
      <ProviderAvatar name={provider.name} photoUrl={provider.photoUrl} size={compact ? "sm" : "md"} />
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <div className="min-w-0">
            <h3 className={`${compact ? "text-base" : "text-lg"} leading-snug font-semibold`}>
              {/* No prefetch: a results page would otherwise render twenty profiles nobody asked for. */}
              <Link
                href={`/providers/${encodeURIComponent(provider.slug)}`}
                prefetch={false}
                className="text-slate-900 no-underline after:absolute after:inset-0 after:rounded-xl hover:text-brand-800 hover:underline"
              >
                {provider.name}, {provider.credentials}
              </Link>
            </h3>
            <p className="text-sm text-slate-700">{provider.specialty}</p>
          </div>
          <VerifiedBadge />
        </div>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          {provider.distanceMi !== null ? (
            <>
              <span className="font-semibold text-slate-900">{formatDistance(provider.distanceMi)}</span>
              <span aria-hidden="true">·</span>
            </>
          ) : null}
          <span>
            {provider.city}, {provider.state}
          </span>
          {provider.telehealth ? <span className="tag bg-sky-50 text-sky-800">Telehealth</span> : null}
        </p>
        {!compact && conditionNames.length > 0 ? (
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">Treats:</span> {conditionNames.join(" · ")}
          </p>
        ) : null}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="sr-only">Consultation fee</dt>
            <dd className="font-semibold text-slate-900">{formatMoney(provider.consultFeeCents)} consultation</dd>
          </div>
          {compact ? null : (
            <div className="min-w-0">
              <dt className="inline font-medium text-slate-900">Payment: </dt>
              <dd className="inline text-slate-700">{payment}</dd>
            </div>
          )}
          {nextAvailable === undefined ? null : (
            <div className="min-w-0">
              <dt className="inline font-medium text-slate-900">Next available: </dt>
              <dd className={`inline ${nextAvailable ? "text-emerald-800" : "text-slate-700"}`}>
                {nextAvailable ? <LocalTime iso={nextAvailable} /> : "no openings in the next 2 weeks"}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}
