import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { getCatalog, type Catalog } from "@/lib/catalog/queries";
import { boundingBox, EARTH_RADIUS_MI } from "@/lib/geo/distance";
import { listedEntry, trustDate } from "@/lib/licensing/trust";
import { openingsNow, refreshStaleNextOpenings } from "@/lib/scheduling/next-openings";
import { idList } from "@/lib/scheduling/opening-rows";
import { anyReached, openingAt, reachedOpening, reachedRow, unknownOpening } from "@/lib/scheduling/opening-state";
import { parseFilters, type FilterReferences, type FilterResult, type RawSearchParams } from "./filters";
import { recentSearch, rememberSearch, searchKey, type CachedSearch } from "./result-cache";
import { ratingOf, MAX_COUNTED, PAGE_SIZE, SELF_PAY, type Place, type ProviderCard, type SearchFilters, type SearchResponse } from "./types";

// One set of references per catalog (it is cached for a minute), so parseFilters reuses its schema.
const referencesOf = new WeakMap<Catalog, FilterReferences>();

/** parseFilters with the condition and carrier lists read from the database (cached). */
export async function parseSearchFilters(params: RawSearchParams): Promise<FilterResult> {
  const catalog = await getCatalog();
  let refs = referencesOf.get(catalog);
  if (!refs) {
    refs = {
      conditionSlugs: new Set(catalog.conditions.map((c) => c.slug)),
      carrierSlugs: new Set(catalog.carriers.map((c) => c.slug)),
    };
    referencesOf.set(catalog, refs);
  }
  return parseFilters(params, refs);
}

type Row = {
  provider_id: string | null;
  generation: string | null;
  stale: boolean;
  reached: boolean;
  next_available: string | null;
  total: number;
  total_is_capped: boolean;
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
  instant_booking: boolean;
  conditions: string[];
  insurance: string[];
  rating_count: number;
  rating_average: number | null;
};

// Every filter reads the entry itself: the condition picks which entries (a location has one per
// condition its provider treats, and one with no condition), the rest are columns of the index.
// All but the next opening's, which availableWithin adds where the matches know the opening.
function entryFilters(f: SearchFilters, today: string): SQL[] {
  const where: SQL[] = [
    f.condition ? sql`e.condition_id = (select c.id from conditions c where c.slug = ${f.condition})` : sql`e.condition_id is null`,
    listedEntry(today),
  ];
  if (f.insurance === SELF_PAY) {
    where.push(sql`e.self_pay`);
  } else if (f.insurance) {
    where.push(sql`e.carrier_ids @> array[(select ic.id from insurance_carriers ic where ic.slug = ${f.insurance})]`);
  }
  if (f.maxFeeDollars !== null) where.push(sql`e.consult_fee_cents <= ${f.maxFeeDollars * 100}`);
  if (f.telehealth) where.push(sql`e.telehealth`);
  if (f.language) where.push(sql`e.languages @> array[${f.language}]::text[]`);
  if (f.gender) where.push(sql`e.gender = ${f.gender}::gender`);
  return where;
}

/** The within-days filter on `opening`, the SQL of a match's next opening at `now`. */
function availableWithin(f: SearchFilters, now: Date, opening: SQL): SQL[] {
  if (f.availableWithinDays === null) return [];
  const until = new Date(now.getTime() + f.availableWithinDays * 24 * 60 * 60 * 1000);
  return [sql`${opening} <= ${until.toISOString()}::timestamptz`];
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

// The columns every page row is sorted and shown by, from the entry of the provider's nearest
// location; beside them each match has its next_available at the search's instant and distance_mi.
const MATCH_COLUMNS = sql`e.provider_id, e.city, e.state, e.years_treating, e.years_experience, e.consult_fee_cents, e.name, e.slug,
  e.rating_count, e.rating_average`;

function orderBy(f: SearchFilters): SQL {
  const byDistance = sql`m.distance_mi asc nulls last`;
  switch (f.sort) {
    case "distance":
      return sql`${byDistance}, m.name, m.slug`;
    case "fee":
      return sql`m.consult_fee_cents asc, ${byDistance}, m.name, m.slug`;
    case "soonest":
      // No opening within the range (null) last; ties as the fee sort breaks them.
      return sql`m.next_available asc nulls last, ${byDistance}, m.name, m.slug`;
    case "match":
      // Most experience with the condition searched for, then nearest, then most experience overall.
      return f.condition
        ? sql`m.years_treating desc, ${byDistance}, m.years_experience desc, m.slug`
        : sql`${byDistance}, m.years_experience desc, m.slug`;
  }
}

/**
 * Matches around a place: every entry in the radius's bounding box, each provider once at their
 * nearest location. The radius applies after that: when a provider's nearest location is outside
 * it, so are all the others. Work grows with the providers near the place, not the directory.
 * Each provider's next opening is looked up once, after that, and only while some row at all has
 * reached its successor (lib/scheduling/opening-state.ts); otherwise it is the entry's copy.
 */
function matchesNear(filters: SearchFilters & { near: Place }, where: SQL[], now: Date): SQL {
  const { latitude: lat, longitude: lng } = filters.near;
  // Haversine, with the location's cos(latitude) read from the entry instead of computed per row.
  const distance = sql`2 * ${EARTH_RADIUS_MI}::float8 * asin(least(1, sqrt(
    power(sin(radians(e.latitude - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * e.cos_latitude * power(sin(radians(e.longitude - ${lng}::float8) / 2), 2))))`;
  const within = availableWithin(filters, now, sql`nearest.next_available`);
  return sql`
    select * from (
      select n.*, ${openingAt(now, sql`n.provider_id`, sql`n.stored_next_available`)} as next_available from (
        select distinct on (e.provider_id) ${MATCH_COLUMNS}, e.next_available as stored_next_available, ${distance} as distance_mi
        from search_entries e
        where ${and(where)} and ${inBox(filters)}
        order by e.provider_id, distance_mi, e.city
      ) n
      where n.distance_mi <= ${filters.radiusMi}::float8
    ) nearest
    ${within.length > 0 ? sql`where ${and(within)}` : sql``}`;
}

function inBox(filters: SearchFilters & { near: Place }): SQL {
  const box = boundingBox(filters.near, filters.radiusMi);
  return sql`e.latitude between ${box.minLat}::float8 and ${box.maxLat}::float8
    and e.longitude between ${box.minLng}::float8 and ${box.maxLng}::float8`;
}

/** Whether the next openings decide which providers a search shows, or in what order. */
const readsOpenings = (f: SearchFilters) => f.sort === "soonest" || f.availableWithinDays !== null;

/**
 * SQL: the providers a search near a place can show, whatever their next openings: when the
 * openings pick or order the results, a stale one can only matter to the search when it is one of
 * theirs. Undefined without a place: the soonest order then reaches across the directory, so
 * every stale row matters.
 */
function staleScope(filters: SearchFilters, today: string): SQL | undefined {
  const { near } = filters;
  if (!near) return undefined;
  return sql`select e.provider_id from search_entries e where ${sql.join(entryFilters(filters, today), sql` and `)} and ${inBox({ ...filters, near })}`;
}

/** SQL listing exactly `ids` (none at all for an empty list). */
const idsScope = (ids: string[]): SQL => (ids.length > 0 ? idList(ids) : sql`select null::uuid where false`);

/**
 * Matches anywhere, in the page's order: without a place the order depends on the provider alone,
 * so search_entries' sorted indexes hand providers over in order (each once, at the first city by
 * name, as the search near a place shows its nearest) and the walk stops once it has the page and
 * enough to count up to MAX_COUNTED. Reading the whole directory for every search without a place
 * (the search page's first view) is what this avoids.
 */
function matchesAnywhere(filters: SearchFilters, where: SQL[], enough: number, now: Date): SQL {
  if (filters.sort === "soonest") return soonestAnywhere(filters, where, enough, now);
  // The condition leads both lists although it is the same on every row: that lets the planner
  // read the index's order even for `condition_id is null`, which it does not treat as a constant.
  const [providerKeys, order] =
    filters.sort === "fee"
      ? [sql`e.condition_id, e.consult_fee_cents, e.name, e.slug`, sql`e.condition_id, e.consult_fee_cents, e.name, e.slug`]
      : [sql`e.condition_id, e.years_treating, e.years_experience, e.slug`, sql`e.condition_id, e.years_treating desc, e.years_experience desc, e.slug`];
  const opening = openingAt(now, sql`e.provider_id`, sql`e.next_available`);
  return sql`
    select distinct on (${providerKeys}) ${MATCH_COLUMNS}, ${opening} as next_available, null::float8 as distance_mi
    from search_entries e
    where ${and([...where, ...availableWithin(filters, now, opening)])}
    order by ${order}, e.city, e.state
    limit ${enough}`;
}

/**
 * Soonest anywhere. search_entries_soonest_order_idx holds each entry's stored next opening, the
 * order of every provider whose row has not reached its successor: its walk takes those. The
 * providers whose rows have (right after a busy instant, until the cron swaps them in) are read
 * through next_openings with their successor's value, and sorted with the walk's by the page.
 * While no row has, the walk checks nothing more and the second part is switched off before it
 * reads anything. The next opening is the provider's, the same on each of their entries, so it
 * keeps a provider's entries together in the index as the fee does in its own.
 */
function soonestAnywhere(filters: SearchFilters, where: SQL[], enough: number, now: Date): SQL {
  const notReached = sql`(not ${anyReached(now)} or not exists (select 1 from next_openings o where o.provider_id = e.provider_id and ${reachedRow(now)}))`;
  return sql`
    (select distinct on (e.condition_id, e.next_available, e.name, e.slug) ${MATCH_COLUMNS}, e.next_available, null::float8 as distance_mi
      from search_entries e
      where ${and([...where, ...availableWithin(filters, now, sql`e.next_available`), notReached])}
      order by e.condition_id, e.next_available nulls last, e.name, e.slug, e.city, e.state
      limit ${enough})
    union all
    (select distinct on (e.provider_id) ${MATCH_COLUMNS}, o.successor_starts_at as next_available, null::float8 as distance_mi
      from next_openings o join search_entries e on e.provider_id = o.provider_id
      where ${and([anyReached(now), reachedRow(now), ...where, ...availableWithin(filters, now, sql`o.successor_starts_at`)])}
      order by e.provider_id, e.city, e.state)`;
}

// The search generation (db/schema.ts `searchGeneration`) as the statement's snapshot sees it.
const GENERATION = sql`(select g.n::text from search_generation g)`;

/**
 * One statement per search: the trust rule, every filter, the radius, the total and the page
 * with each card's conditions and insurance, so a results page never fans out into N queries.
 * Matching and sorting read only search_entries' covering indexes; providers and the cards' lists
 * are joined for the page's rows alone. The total counts up to MAX_COUNTED providers and says when
 * there are more, which keeps a search without a place from counting the whole directory.
 *
 * A search this process answered recently (lib/search/result-cache.ts) is answered again only
 * once the current search generation confirms it. By default the search statement confirms it
 * itself: while nothing has changed, its match is switched off before it reads an index (a
 * condition with no column in it is checked once, up front), so a search stays one statement.
 * With `confirmFirst` (the search page and the JSON API), a caller that can afford a second
 * statement when something has changed reads the generation alone first: in PGlite, planning the
 * search statement only to find nothing changed took 5–40 ms, the one-row read under 1 ms.
 */
export async function searchProviders(
  filters: SearchFilters,
  { now = new Date(), confirmFirst = false }: { now?: Date; confirmFirst?: boolean } = {},
): Promise<SearchResponse> {
  const key = searchKey(filters, trustDate(now));
  // Within-days compares with now itself, not with a date, so its answer is not kept.
  const known = filters.availableWithinDays === null ? recentSearch(key) : undefined;
  if (known && confirmFirst) {
    // A row of its scope that reached its successor since changes an opening without moving the generation.
    const scope = confirmScope(filters, known, trustDate(now));
    const [current] = await executeRows<{ generation: string | null; stale: boolean }>(
      sql`select ${GENERATION} as generation, (${unknownOpening(now, scope)} or ${reachedOpening(now, scope)}) as stale`,
    );
    if (current && !current.stale && current.generation === known.generation) return known.response;
    return runSearch(filters, now, key, undefined);
  }
  return runSearch(filters, now, key, known);
}

// The rows a remembered answer waits on: when the openings do not pick or order the results, only
// those of its own cards (the rest of the search cannot change the page through them).
function confirmScope(filters: SearchFilters, known: CachedSearch, today: string): SQL | undefined {
  return readsOpenings(filters) ? staleScope(filters, today) : idsScope(known.providerIds);
}

// A search that finds a next opening stale by the clock recomputes the stale ones and runs again;
// a write racing it can make it stale again (or hold the rows past the recomputation's lock
// timeout), so it tries a few times and then shows its cards' openings computed, not stored.
const STALE_RETRIES = 3;

async function runSearch(filters: SearchFilters, now: Date, key: string, known: CachedSearch | undefined, attempt = 1): Promise<SearchResponse> {
  const today = trustDate(now);
  const where = entryFilters(filters, today);
  // Apart from the generation's switch below: a cached answer, too, is only as fresh as these rows.
  // When the openings do not pick or order the results, only the page's own rows can change what
  // it shows (and a remembered answer's cards, when the generation switches the match off).
  const scope = readsOpenings(filters)
    ? staleScope(filters, today)
    : sql`select provider_id from paged${known?.providerIds.length ? sql` union all select unnest(array[${idList(known.providerIds)}]::uuid[])` : sql``}`;
  if (known) where.push(sql`${GENERATION} is distinct from ${known.generation}::text`);
  const rows = await readPage(filters, now, where, scope);

  const shown = rows.filter((r): r is Row & { slug: string; provider_id: string } => r.slug !== null);
  const stale = rows[0]?.stale ?? false;
  if (stale && attempt <= STALE_RETRIES) {
    // The page's statement is gone, so its own rows are named by id.
    const refresh = readsOpenings(filters)
      ? scope
      : idsScope([...shown.map((r) => r.provider_id), ...(known?.providerIds ?? [])]);
    await refreshStaleNextOpenings(await getDb(), now, refresh);
    return runSearch(filters, now, key, undefined, attempt + 1);
  }
  const generation = rows[0]?.generation ?? null;
  const reached = rows[0]?.reached ?? false;
  if (known && generation === known.generation) {
    // The generation switched the match off, but a row of the remembered answer has since reached
    // its successor: that answer is out of date all the same.
    return reached ? runSearch(filters, now, key, undefined, attempt) : known.response;
  }
  const cards = shown.map(toCard);
  if (stale) await showOpeningsNow(shown, cards, now);
  const response: SearchResponse = {
    results: cards,
    page: filters.page,
    pageSize: PAGE_SIZE,
    total: rows[0]?.total ?? 0,
    totalIsCapped: rows[0]?.total_is_capped ?? false,
  };
  // Without the generation row (a database someone emptied by hand) nothing is remembered, nor an
  // answer whose openings were not stored, nor one showing successors: the cron's swap moves the
  // generation, but the clock reaching a successor does not.
  if (generation !== null && !stale && !reached && filters.availableWithinDays === null) {
    rememberSearch(key, { generation, response, providerIds: shown.map((r) => r.provider_id) });
  }
  return response;
}

/**
 * The search's one statement: the generation, whether a row in `scope` is unknown (stale) or shows
 * its successor (reached), the total and the page.
 */
function readPage(filters: SearchFilters, now: Date, where: SQL[], scope: SQL | undefined): Promise<Row[]> {
  const { near } = filters;
  const offset = (filters.page - 1) * PAGE_SIZE;
  const matches = near
    ? matchesNear({ ...filters, near }, where, now)
    : matchesAnywhere(filters, where, Math.max(MAX_COUNTED + 1, offset + PAGE_SIZE), now);
  return executeRows<Row>(sql`
    with matches as (${matches}),
      paged as (select * from matches m order by ${orderBy(filters)} limit ${PAGE_SIZE} offset ${offset})
    select ${GENERATION} as generation, ${unknownOpening(now, scope)} as stale, ${reachedOpening(now, scope)} as reached, least(counted.n, ${MAX_COUNTED}) as total, counted.n > ${MAX_COUNTED} as total_is_capped, page.*
    from (select count(*)::int as n from matches) counted
    left join lateral (
      select p.id as provider_id, p.slug, p.name, p.credentials, p.specialty, p.photo_url, m.distance_mi, m.city, m.state,
        m.consult_fee_cents, p.self_pay, p.telehealth, m.rating_count, m.rating_average, to_json(m.next_available) #>> '{}' as next_available,
        array(select c.slug from provider_conditions pc join conditions c on c.id = pc.condition_id
              where pc.provider_id = p.id order by c.sort_order) as conditions,
        array(select ic.slug from provider_insurance pi join insurance_carriers ic on ic.id = pi.carrier_id
              where pi.provider_id = p.id order by ic.name) as insurance,
        -- The consultation whose price the card shows (provider_consultation's order) confirms automatically.
        coalesce((select a.confirms_automatically from appointment_types a
                  where a.provider_id = p.id and a.archived_at is null and a.kind = 'initial_consultation'
                  order by a.fee_cents, a.deposit_cents, a.id limit 1), false) as instant_booking
      from paged m
      join providers p on p.id = m.provider_id
      order by ${orderBy(filters)}
    ) page on true`);
}

// Rows still stale after every retry: each card shows the slot function's first opening as of
// now all the same, so no card ever shows an opening the slots API would not give. (The order and
// the within-days filter stay those of the stored rows; the next search corrects them.)
async function showOpeningsNow(shown: { provider_id: string }[], cards: ProviderCard[], now: Date): Promise<void> {
  const openings = await openingsNow(shown.map((r) => r.provider_id), now);
  shown.forEach((r, i) => {
    const card = cards[i]!;
    const opening = openings.get(r.provider_id);
    if (opening !== undefined) card.nextAvailable = opening === null ? null : new Date(opening).toISOString();
  });
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
    instantBooking: r.instant_booking,
    verified: true,
    rating: ratingOf(r.rating_count, r.rating_average),
    nextAvailable: r.next_available === null ? null : new Date(r.next_available).toISOString(),
  };
}

