import { formatAddress, type PostalLocation } from "./address";
import { formatMoney } from "./format";

/**
 * JSON for a <script type="application/ld+json"> body. `<` is escaped so a value such as
 * "</script><script>…" in a bio can never close the tag; U+2028/2029 for old parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export type PhysicianInput = {
  slug: string;
  name: string;
  credentials: string;
  specialty: string;
  bio: string;
  photoUrl: string | null;
  languages: string[];
  consultFeeCents: number;
  pricePerUnitCents: number | null;
  locations: (PostalLocation & { name: string; latitude: number; longitude: number })[];
  rating?: { average: number | null; count: number };
};

/** Fewer reviews than this say little, and search engines treat a tiny sample as noise. */
export const MIN_REVIEWS_FOR_AGGREGATE = 5;

function one<T>(items: T[]): T | T[] | undefined {
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : items;
}

/** schema.org Physician for a provider profile page. */
export function physicianJsonLd(provider: PhysicianInput, siteUrl: string): Record<string, unknown> {
  const url = new URL(`/providers/${encodeURIComponent(provider.slug)}`, siteUrl).toString();
  const prices = [`${formatMoney(provider.consultFeeCents)} consultation`];
  if (provider.pricePerUnitCents !== null) prices.push(`${formatMoney(provider.pricePerUnitCents)} per unit`);
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Physician",
    "@id": url,
    url,
    name: `${provider.name}, ${provider.credentials}`,
    medicalSpecialty: provider.specialty,
    description: provider.bio || undefined,
    image: provider.photoUrl ? new URL(provider.photoUrl, siteUrl).toString() : undefined,
    knowsLanguage: provider.languages,
    priceRange: prices.join("; "),
    address: one(
      provider.locations.map((l) => ({
        "@type": "PostalAddress",
        name: l.name,
        streetAddress: [l.addressLine1, l.addressLine2].filter(Boolean).join(", "),
        addressLocality: l.city,
        addressRegion: l.state,
        postalCode: l.zip,
        addressCountry: "US",
      })),
    ),
    aggregateRating:
      provider.rating && provider.rating.average !== null && provider.rating.count >= MIN_REVIEWS_FOR_AGGREGATE
        ? { "@type": "AggregateRating", ratingValue: provider.rating.average, reviewCount: provider.rating.count, bestRating: 5, worstRating: 1 }
        : undefined,
    geo: one(
      provider.locations.map((l) => ({
        "@type": "GeoCoordinates",
        latitude: l.latitude,
        longitude: l.longitude,
        address: formatAddress(l),
      })),
    ),
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
