import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { bookableLocation, listedProvider, trustDate } from "@/lib/licensing/trust";
import { isSlug } from "@/lib/listing/slug";
import { joinConsultation } from "@/lib/scheduling/consultation";
import { authorLabel } from "@/lib/reviews/author";
import { ratingOf, type Rating } from "@/lib/search/types";
import { RESPONSE_TIME_MIN_ANSWERS, RESPONSE_TIME_WINDOW_DAYS, responseHoursOf } from "./response-time";

export type ProviderLocation = {
  id: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  zip: string;
  latitude: number;
  longitude: number;
  timeZone: string;
};

export type ProviderProfile = {
  slug: string;
  name: string;
  credentials: string;
  specialty: string;
  bio: string;
  photoUrl: string | null;
  yearsExperience: number;
  languages: string[];
  gender: string;
  telehealth: boolean;
  selfPay: boolean;
  /** The initial consultation type's fee and deposit; null only in the preview of a listing without one. */
  consultFeeCents: number | null;
  pricePerUnitCents: number | null;
  depositCents: number | null;
  cancellationWindowHours: number;
  cancellationPolicy: string;
  /** How far ahead patients may book, in days. */
  horizonDays: number;
  updatedAt: string;
  conditions: { slug: string; name: string; yearsTreating: number; note: string; typicalUnitsLow: number; typicalUnitsHigh: number }[];
  /** Only the locations the provider may be booked at: those in a state where their license is verified and current. */
  locations: ProviderLocation[];
  insurance: { slug: string; name: string }[];
  /** Verified, unexpired licenses only: what a patient can rely on. */
  licenses: { kind: "npi" | "state" | "board"; state: string | null; number: string; expiresOn: string | null; verifiedAt: string }[];
  appointmentTypes: { id: string; kind: string; name: string; minutes: number; feeCents: number; depositCents: number; telehealthAllowed: boolean; instantBooking: boolean }[];
  /** Visible verified reviews: their count and average (one decimal). */
  rating: Rating;
  /** The newest visible reviews, at most PROFILE_REVIEWS. */
  reviews: PublicReview[];
  /** "Usually confirms within N hours": the median hours to answer a request, once there are enough answers; else null. */
  responseTimeHours: number | null;
};

/** A listed provider's profile: listed means bookable, so the consultation's price is always known. */
export type ListedProfile = ProviderProfile & { consultFeeCents: number; depositCents: number };

export type PublicReview = {
  id: string;
  rating: number;
  text: string | null;
  /** "Pat P." or "Verified patient". */
  author: string;
  createdAt: string;
  editedAt: string;
  reply: string | null;
  repliedAt: string | null;
};

export const PROFILE_REVIEWS = 20;

type ReviewRow = Omit<PublicReview, "author"> & { authorName: string; showName: boolean };
type ProfileRow = Omit<ProviderProfile, "updatedAt" | "rating" | "reviews" | "responseTimeHours"> & {
  updatedAt: string | Date;
  ratingCount: number;
  ratingAverage: number | null;
  reviewRows: ReviewRow[];
  responseSeconds: number | null;
};

/** The profile as one statement: `where` picks the provider, `locationRule` which locations show. */
async function selectProfile(where: SQL, locationRule: SQL, today: string, now: Date): Promise<ProfileRow | undefined> {
  const answeredSince = new Date(now.getTime() - RESPONSE_TIME_WINDOW_DAYS * 86_400_000).toISOString();
  const [row] = await executeRows<ProfileRow>(sql`
    select p.slug, p.name, p.credentials, p.specialty, p.bio, p.photo_url as "photoUrl",
      p.years_experience as "yearsExperience", p.languages, p.gender, p.telehealth, p.self_pay as "selfPay",
      consultation.fee_cents as "consultFeeCents", p.price_per_unit_cents as "pricePerUnitCents",
      consultation.deposit_cents as "depositCents", p.cancellation_window_hours as "cancellationWindowHours",
      p.cancellation_policy as "cancellationPolicy", p.horizon_days as "horizonDays", p.updated_at as "updatedAt",
      (select coalesce(json_agg(json_build_object('slug', c.slug, 'name', c.name, 'yearsTreating', pc.years_treating,
          'note', pc.note, 'typicalUnitsLow', c.typical_units_low, 'typicalUnitsHigh', c.typical_units_high)
          order by c.sort_order), '[]'::json)
        from provider_conditions pc join conditions c on c.id = pc.condition_id where pc.provider_id = p.id) as conditions,
      (select coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'addressLine1', l.address_line1,
          'addressLine2', l.address_line2, 'city', l.city, 'state', l.state, 'zip', l.zip, 'latitude', l.latitude,
          'longitude', l.longitude, 'timeZone', l.time_zone) order by l.state, l.city, l.name), '[]'::json)
        from locations l where l.provider_id = p.id and ${locationRule}) as locations,
      (select coalesce(json_agg(json_build_object('slug', ic.slug, 'name', ic.name) order by ic.name), '[]'::json)
        from provider_insurance pi join insurance_carriers ic on ic.id = pi.carrier_id where pi.provider_id = p.id) as insurance,
      (select coalesce(json_agg(json_build_object('kind', x.kind, 'state', x.state, 'number', x.number,
          'expiresOn', x.expires_on, 'verifiedAt', x.verified_at) order by x.kind, x.state), '[]'::json)
        from licenses x where x.provider_id = p.id and x.status = 'verified'
          and (x.expires_on is null or x.expires_on >= ${today}::date)) as licenses,
      (select coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'name', a.name, 'minutes', a.minutes,
          'feeCents', a.fee_cents, 'depositCents', a.deposit_cents, 'telehealthAllowed', a.telehealth_allowed,
          'instantBooking', a.confirms_automatically) order by a.kind, a.minutes), '[]'::json)
        from appointment_types a where a.provider_id = p.id and a.archived_at is null) as "appointmentTypes",
      rating."ratingCount", rating."ratingAverage",
      (select coalesce(json_agg(json_build_object('id', r.id, 'rating', r.rating, 'text', r.text, 'authorName', u.name,
          'showName', r.show_name, 'createdAt', r.created_at, 'editedAt', r.edited_at, 'reply', r.reply, 'repliedAt', r.replied_at)
          order by r.created_at desc), '[]'::json)
        from (select * from reviews r where r.provider_id = p.id and r.hidden_at is null order by r.created_at desc limit ${PROFILE_REVIEWS}) r
        join users u on u.id = r.patient_id) as "reviewRows",
      -- The median time from a request reaching the provider to their first answer, over answers
      -- of the last 90 days; null until there are enough of them to say "usually".
      (select case when count(*) >= ${RESPONSE_TIME_MIN_ANSWERS}
          then percentile_cont(0.5) within group (order by extract(epoch from b.answered_at - b.requested_at)::float8) end
        from bookings b where b.provider_id = p.id and b.answered_at >= ${answeredSince}::timestamptz
          and b.requested_at is not null and b.answered_at >= b.requested_at) as "responseSeconds"
    from providers p
    ${joinConsultation}
    cross join lateral (
      select count(*)::int as "ratingCount", avg(r.rating)::float8 as "ratingAverage"
      from reviews r where r.provider_id = p.id and r.hidden_at is null
    ) rating
    where ${where}
    limit 1`);
  return row;
}

const iso = (value: string | Date) => new Date(value).toISOString();

// An allow-list: the author's name leaves as first name and initial, or not at all.
function toProfile(row: ProfileRow): ProviderProfile {
  const { ratingCount, ratingAverage, reviewRows, responseSeconds, ...rest } = row;
  return {
    ...rest,
    updatedAt: iso(row.updatedAt),
    rating: ratingOf(ratingCount, ratingAverage),
    reviews: reviewRows.map((r) => ({
      id: r.id,
      rating: r.rating,
      text: r.text,
      author: authorLabel(r.authorName, r.showName),
      createdAt: iso(r.createdAt),
      editedAt: iso(r.editedAt),
      reply: r.reply,
      repliedAt: r.repliedAt ? iso(r.repliedAt) : null,
    })),
    responseTimeHours: responseHoursOf(responseSeconds),
  };
}

/**
 * A listed provider's public profile in one statement, or null when the slug is unknown or the
 * provider fails the trust rule at every location (then they are not listed at all).
 */
export async function getListedProvider(slug: string, now: Date = new Date()): Promise<ListedProfile | null> {
  if (!isSlug(slug)) return null;
  const today = trustDate(now);
  const row = await selectProfile(sql`p.slug = ${slug}`, bookableLocation(today), today, now);
  if (!row || row.locations.length === 0) return null;
  const profile = toProfile(row);
  // A bookable location implies a consultation type (search_entries_refresh); checked for the type.
  if (profile.consultFeeCents === null || profile.depositCents === null) return null;
  return { ...profile, consultFeeCents: profile.consultFeeCents, depositCents: profile.depositCents };
}

/**
 * The signed-in provider's own profile as patients would see it, whether or not it is listed yet:
 * every location shows (the preview marks which are not bookable) and only verified licenses.
 */
export async function getOwnProfilePreview(user: CurrentUser, now: Date = new Date()): Promise<ProviderProfile | null> {
  assertRole(user, ["provider"], "only providers preview a listing");
  const row = await selectProfile(sql`p.user_id = ${user.id}`, sql`true`, trustDate(now), now);
  return row ? toProfile(row) : null;
}

// A sitemap file may hold at most 50,000 URLs; past that the directory needs a sitemap index.
const SITEMAP_PROVIDER_LIMIT = 49_000;

/** Slugs of listed providers, most recently updated first, for the sitemap. */
export async function listListedProviderSlugs(now: Date = new Date()): Promise<{ slug: string; updatedAt: string }[]> {
  const rows = await executeRows<{ slug: string; updated_at: string | Date }>(sql`
    select p.slug, p.updated_at from providers p
    where ${listedProvider(trustDate(now))}
    order by p.updated_at desc, p.slug
    limit ${SITEMAP_PROVIDER_LIMIT}`);
  return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updated_at).toISOString() }));
}
