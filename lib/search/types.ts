export const SORTS = ["match", "distance", "fee", "soonest"] as const;
export type Sort = (typeof SORTS)[number];

/** The `insurance` filter's value for patients paying themselves. */
export const SELF_PAY = "self-pay";

/** The genders a search may ask for; a provider who chose not to say matches none of them. */
export const GENDER_FILTERS = ["female", "male", "nonbinary"] as const;
export type GenderFilter = (typeof GENDER_FILTERS)[number];

export const PAGE_SIZE = 20;
/**
 * A search counts matching providers up to this many; past it the total says "1,000+". Nobody
 * pages through fifty pages, and counting every match of a nationwide search is most of its cost.
 */
export const MAX_COUNTED = 1000;
export const DEFAULT_RADIUS_MI = 25;
/** The longest `availableWithinDays`: the days a next opening is looked for in (lib/scheduling/opening.ts). */
export const MAX_AVAILABLE_WITHIN_DAYS = 62;

export type Place = { label: string; latitude: number; longitude: number };

/** A validated search: what the URL, the page and the JSON API all agree on. */
export type SearchFilters = {
  condition: string | null;
  near: Place | null;
  /** The `near` text as typed, kept so links and forms show it back unchanged. */
  nearText: string | null;
  radiusMi: number;
  insurance: string | null;
  maxFeeDollars: number | null;
  telehealth: boolean;
  language: string | null;
  gender: GenderFilter | null;
  /** Only providers whose next opening starts within this many days of now. */
  availableWithinDays: number | null;
  sort: Sort;
  page: number;
};

export type FilterError = { message: string; field: string };

export type ProviderCard = {
  slug: string;
  name: string;
  credentials: string;
  specialty: string;
  photoUrl: string | null;
  distanceMi: number | null;
  city: string;
  state: string;
  conditions: string[];
  consultFeeCents: number;
  insurance: string[];
  selfPay: boolean;
  telehealth: boolean;
  /** A consultation can be booked with instant confirmation (lib/booking/instant-booking.ts). */
  instantBooking: boolean;
  verified: true;
  /** Visible verified reviews; average is null while there are none. */
  rating: Rating;
  /** The first free initial consultation, as the slots API gives it (ISO instant), or null for none. */
  nextAvailable: string | null;
};

export type Rating = { average: number | null; count: number };

export type SearchResponse = {
  results: ProviderCard[];
  page: number;
  pageSize: number;
  /** Matching providers, counted up to MAX_COUNTED. */
  total: number;
  /** More than `total` providers match. */
  totalIsCapped: boolean;
};

/** The API's rating: the average to one decimal, null while nothing counts. */
export function ratingOf(count: number, average: number | null): Rating {
  return { count, average: count > 0 && average !== null ? Math.round(average * 10) / 10 : null };
}
