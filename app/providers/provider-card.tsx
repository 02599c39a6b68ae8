"use client";

import Link from "next/link";
import type { ProviderCardView } from "@/lib/ui/provider-card-view";
import { LocalTime } from "../components/local-time";
import { ProviderAvatar } from "../components/provider-avatar";
import { VerifiedBadge } from "../components/verified-badge";

/**
 * One search result; the name links to the profile and the link covers the whole card.
 *
 * A client component on purpose: a server component's markup reaches the browser twice, as HTML
 * and again inside the page's React payload, while a client component's payload is only its props.
 * Twenty cards were two thirds of the results page. Its classes live in app/globals.css
 * (`.result-*`) for the same reason: each card repeats them.
 */
export function ProviderCard({ card, compact = false }: { card: ProviderCardView; /** A narrow card for sidebars: no condition list or payment line. */ compact?: boolean }) {
  const { nextAvailable } = card;
  return (
    <article className={compact ? "result-card" : "result-card sm:p-5"}>
      <ProviderAvatar name={card.name} photoUrl={card.photoUrl} size={compact ? "sm" : "md"} />
      <div className="result-body">
        <div className="result-head">
          <div className="min-w-0">
            <h3 className={compact ? "result-name text-base" : "result-name text-lg"}>
              {/* No prefetch: a results page would otherwise render twenty profiles nobody asked for. */}
              <Link href={`/providers/${encodeURIComponent(card.slug)}`} prefetch={false} className="result-link">
                {`${card.name}, ${card.credentials}`}
              </Link>
            </h3>
            <p className="result-text">{card.specialty}</p>
          </div>
          <VerifiedBadge />
        </div>
        <p className="result-place">
          {card.distance !== null ? (
            <>
              <span className="result-strong">{card.distance}</span>
              <span aria-hidden="true">·</span>
            </>
          ) : null}
          <span>{card.place}</span>
          {card.telehealth ? <span className="tag bg-sky-50 text-sky-800">Telehealth</span> : null}
        </p>
        {!compact && card.treats !== null ? (
          <p className="result-text">
            <span className="result-term">Treats:</span> {card.treats}
          </p>
        ) : null}
        <dl className="result-facts">
          <div className="flex gap-1">
            <dt className="sr-only">Consultation fee</dt>
            <dd className="result-strong">{`${card.fee} consultation`}</dd>
          </div>
          {compact ? null : (
            <div className="min-w-0">
              <dt className="result-term inline">Payment: </dt>
              <dd className="result-text inline">{card.payment}</dd>
            </div>
          )}
          {nextAvailable === undefined ? null : (
            <div className="min-w-0">
              <dt className="result-term inline">Next available: </dt>
              <dd className={nextAvailable ? "inline text-emerald-800" : "result-text inline"}>
                {nextAvailable ? <LocalTime iso={nextAvailable} /> : "no openings in the next 2 weeks"}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}
