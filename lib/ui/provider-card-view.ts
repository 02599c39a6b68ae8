import type { ProviderCard } from "@/lib/search/types";
import { formatDistance, formatMoney } from "./format";

/**
 * What one search result shows, already in words. The card is a client component, so this is what
 * the page's React payload carries for it: a few hundred bytes of text rather than the card's
 * markup a second time.
 */
export type ProviderCardView = {
  slug: string;
  name: string;
  credentials: string;
  specialty: string;
  photoUrl: string | null;
  /** "1.1 mi", or null without a place searched. */
  distance: string | null;
  /** "New York, NY" */
  place: string;
  telehealth: boolean;
  instantBooking: boolean;
  /** "Chronic migraine · Neck and shoulder pain", or null when none is listed. */
  treats: string | null;
  /** "$200" */
  fee: string;
  /** "Aetna, Cigna · Self-pay", "Self-pay only" or "Ask about payment". */
  payment: string;
  /** "4.6" and the count of verified reviews, or null while there are none. */
  rating: { average: string; count: number } | null;
  /** The first free consultation (an instant); null when none within 62 days (lib/scheduling/opening.ts), absent when not looked up. */
  nextAvailable?: string | null;
};

/** Names come from the catalog (slug → name); a slug missing from it is shown as it is. */
export function providerCardView(
  provider: ProviderCard,
  names: { conditions: ReadonlyMap<string, string>; carriers: ReadonlyMap<string, string> },
  nextAvailable?: string | null,
): ProviderCardView {
  const carriers = provider.insurance.map((slug) => names.carriers.get(slug) ?? slug);
  const conditions = provider.conditions.map((slug) => names.conditions.get(slug) ?? slug);
  const payment =
    carriers.length === 0
      ? provider.selfPay
        ? "Self-pay only"
        : "Ask about payment"
      : `${carriers.join(", ")}${provider.selfPay ? " · Self-pay" : ""}`;
  return {
    slug: provider.slug,
    name: provider.name,
    credentials: provider.credentials,
    specialty: provider.specialty,
    photoUrl: provider.photoUrl,
    distance: provider.distanceMi === null ? null : formatDistance(provider.distanceMi),
    place: `${provider.city}, ${provider.state}`,
    telehealth: provider.telehealth,
    instantBooking: provider.instantBooking,
    treats: conditions.length > 0 ? conditions.join(" · ") : null,
    fee: formatMoney(provider.consultFeeCents),
    payment,
    rating: provider.rating.count > 0 && provider.rating.average !== null ? { average: provider.rating.average.toFixed(1), count: provider.rating.count } : null,
    ...(nextAvailable === undefined ? {} : { nextAvailable }),
  };
}
