import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { getCatalog } from "@/lib/catalog/queries";
import { boundingBox, EARTH_RADIUS_MI } from "@/lib/geo/distance";
import { bookableLocation, trustDate } from "@/lib/licensing/trust";
import { parseFilters, SELF_PAY, type FilterResult, type RawSearchParams } from "./filters";
import { PAGE_SIZE, type ProviderCard, type SearchFilters, type SearchResponse } from "./types";

/** parseFilters with the condition and carrier lists read from the database (cached). */
export async function parseSearchFilters(params: RawSearchParams): Promise<FilterResult> {
  const catalog = await getCatalog();
  return parseFilters(params, {
    conditionSlugs: new Set(catalog.conditions.map((c) => c.slug)),
    carrierSlugs: new Set(catalog.carriers.map((c) => c.slug)),
  });
}

type Row = {
  total: number;
  slug: string | null;
  name: string;
  credentials: string;
  specialty: string;
  photo_url: string | null;
  distance_mi: number | null;
  city: string;
  state: string;
  consult_fee_cents: number;
  self_pay: boolean;
  telehealth: boolean;
  conditions: string[];
  insurance: string[];
};

function providerFilters(f: SearchFilters): SQL[] {
  const where: SQL[] = [];
  if (f.condition) {
    where.push(sql`exists (select 1 from provider_conditions fc join conditions c on c.id = fc.condition_id
      where fc.provider_id = p.id and c.slug = ${f.condition})`);
  }
  if (f.insurance === SELF_PAY) {
    where.push(sql`p.self_pay`);
  } else if (f.insurance) {
    where.push(sql`exists (select 1 from provider_insurance fi join insurance_carriers ic on ic.id = fi.carrier_id
      where fi.provider_id = p.id and ic.slug = ${f.insurance})`);
  }
  if (f.maxFeeDollars !== null) where.push(sql`p.consult_fee_cents <= ${f.maxFeeDollars * 100}`);
  if (f.telehealth) where.push(sql`p.telehealth`);
  if (f.language) where.push(sql`p.languages @> array[${f.language}]::text[]`);
  return where;
}

function orderBy(f: SearchFilters): SQL {
  const byDistance = sql`m.distance_mi asc nulls last`;
  switch (f.sort) {
    case "distance":
      return sql`${byDistance}, p.name, p.slug`;
    case "fee":
      return sql`p.consult_fee_cents asc, ${byDistance}, p.name, p.slug`;
    case "match":
      // Most experience with the condition searched for, then nearest, then most experience overall.
      return f.condition
        ? sql`(select fc.years_treating from provider_conditions fc join conditions c on c.id = fc.condition_id
              where fc.provider_id = p.id and c.slug = ${f.condition}) desc, ${byDistance}, p.years_experience desc, p.slug`
        : sql`${byDistance}, p.years_experience desc, p.slug`;
  }
}

/**
 * One statement per search: the trust rule, every filter, the radius, the total and the page
 * with each card's conditions and insurance, so a results page never fans out into N queries.
 */
export async function searchProviders(filters: SearchFilters, now: Date = new Date()): Promise<SearchResponse> {
  const where = [bookableLocation(trustDate(now)), ...providerFilters(filters)];
  let distance: SQL = sql`null::float8`;
  let withinRadius: SQL = sql`true`;
  if (filters.near) {
    const { latitude: lat, longitude: lng } = filters.near;
    const box = boundingBox(filters.near, filters.radiusMi);
    where.push(sql`l.latitude between ${box.minLat}::float8 and ${box.maxLat}::float8
      and l.longitude between ${box.minLng}::float8 and ${box.maxLng}::float8`);
    distance = sql`2 * ${EARTH_RADIUS_MI}::float8 * asin(least(1, sqrt(
      power(sin(radians(l.latitude - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lng}::float8) / 2), 2))))`;
    withinRadius = sql`distance_mi <= ${filters.radiusMi}::float8`;
  }

  const rows = await executeRows<Row>(sql`
    with candidate_locations as (
      select l.provider_id, l.city, l.state, ${distance} as distance_mi
      from locations l join providers p on p.id = l.provider_id
      where ${sql.join(where, sql` and `)}
    ), matches as (
      select distinct on (provider_id) provider_id, city, state, distance_mi
      from candidate_locations
      where ${withinRadius}
      order by provider_id, distance_mi asc nulls last, city
    )
    select counted.total, page.* from (select count(*)::int as total from matches) counted
    left join lateral (
      select p.slug, p.name, p.credentials, p.specialty, p.photo_url, m.distance_mi, m.city, m.state,
        p.consult_fee_cents, p.self_pay, p.telehealth,
        array(select c.slug from provider_conditions pc join conditions c on c.id = pc.condition_id
              where pc.provider_id = p.id order by c.sort_order) as conditions,
        array(select ic.slug from provider_insurance pi join insurance_carriers ic on ic.id = pi.carrier_id
              where pi.provider_id = p.id order by ic.name) as insurance
      from matches m join providers p on p.id = m.provider_id
      order by ${orderBy(filters)}
      limit ${PAGE_SIZE} offset ${(filters.page - 1) * PAGE_SIZE}
    ) page on true`);

  return {
    results: rows.filter((r): r is Row & { slug: string } => r.slug !== null).map(toCard),
    page: filters.page,
    pageSize: PAGE_SIZE,
    total: rows[0]?.total ?? 0,
  };
}

function toCard(r: Row & { slug: string }): ProviderCard {
  return {
    slug: r.slug,
    name: r.name,
    credentials: r.credentials,
    specialty: r.specialty,
    photoUrl: r.photo_url,
    distanceMi: r.distance_mi === null ? null : Math.round(r.distance_mi * 10) / 10,
    city: r.city,
    state: r.state,
    conditions: r.conditions,
    consultFeeCents: r.consult_fee_cents,
    insurance: r.insurance,
    selfPay: r.self_pay,
    telehealth: r.telehealth,
    verified: true,
  };
}
