"use client";

import Link from "next/link";
import type { ProviderCardView } from "@/lib/ui/provider-card-view";
import { LocalTime } from "../components/local-time";
import { ProviderAvatar } from "../components/provider-avatar";
import { VerifiedBadge } from "../components/verified-badge";

/** A list of search results, one card each; taking the list keeps one element per card out of the payload. */
export function ProviderCardList({ cards, compact = false, className }: { cards: ProviderCardView[]; compact?: boolean; className: string }) {
  return (
    <ul className={className}>
      {cards.map((card) => (
        <li key={card.slug}>
          <ProviderCard card={card} compact={compact} />
        </li>
      ))}
    </ul>
  );
}

/**
 * One search result; the name links to the profile and the link covers the whole card.
 *
 * A client component on purpose: a server component's markup reaches the browser twice, as HTML
 * and again inside the page's React payload, while a client component's payload is only its props.
 * Twenty cards were two thirds of the results page. Its elements are styled by `.result-card`
 * (app/globals.css) for the same reason: each card would repeat their utilities.
 */
export function ProviderCard({ card, compact = false }: { card: ProviderCardView; /** A narrow card for sidebars: no condition list or payment line. */ compact?: boolean }) {
  const { nextAvailable } = card;
  return (
    <article className={compact ? "result-card" : "result-card sm:p-5"}>
      <ProviderAvatar name={card.name} photoUrl={card.photoUrl} size={compact ? "sm" : "md"} />
      <div>
        <div className="result-head">
          <div className="min-w-0">
            <h3 className={compact ? "text-base" : "text-lg"}>
              {/* No prefetch: a results page would otherwise render twenty profiles nobody asked for. */}
              <Link href={`/providers/${encodeURIComponent(card.slug)}`} prefetch={false}>
                {`${card.name}, ${card.credentials}`}
              </Link>
            </h3>
            <p>{card.specialty}</p>
            {card.rating ? (
              <p className="result-rating">
                <span aria-hidden="true">★</span>
                {` ${card.rating.average}`}
                <span className="sr-only"> out of 5,</span>
                {` (${card.rating.count} ${card.rating.count === 1 ? "review" : "reviews"})`}
              </p>
            ) : null}
          </div>
          <VerifiedBadge />
        </div>
        <p className="result-place">
          {card.distance !== null ? (
            <>
              <span className="font-semibold text-slate-900">{card.distance}</span>
              <span aria-hidden="true">·</span>
            </>
          ) : null}
          <span>{card.place}</span>
          {card.telehealth ? <span className="tag bg-sky-50 text-sky-800">Telehealth</span> : null}
          {card.instantBooking ? <span className="tag bg-emerald-50 text-emerald-800">Instant booking</span> : null}
        </p>
        {!compact && card.treats !== null ? (
          <p>
            <span className="font-medium text-slate-900">Treats:</span>
            {` ${card.treats}`}
          </p>
        ) : null}
        <dl>
          <div className="flex gap-1">
            <dt className="sr-only">Consultation fee</dt>
            <dd className="font-semibold text-slate-900">{`${card.fee} consultation`}</dd>
          </div>
          {compact ? null : (
            <div className="min-w-0">
              <dt>Payment: </dt>
              <dd>{card.payment}</dd>
            </div>
          )}
          {nextAvailable === undefined ? null : (
            <div className="min-w-0">
              <dt>Next available: </dt>
              <dd className={nextAvailable ? "text-emerald-800" : undefined}>
                {nextAvailable ? <LocalTime iso={nextAvailable} /> : "no openings in the next 2 months"}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}
