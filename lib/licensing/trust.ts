import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * Today's date for the trust rule. UTC runs ahead of every US zone, so a license stops counting
 * a few hours early on its last day rather than ever counting after it.
 */
export function trustDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The trust rule (docs/architecture.md) on a search entry `e` (db/schema.ts `searchEntries`): the listing is
 * published and not suspended, the provider holds a verified NPI, and a verified, unexpired state
 * license for the location's state. Triggers keep an entry for every location that meets all of it
 * but the date, with the latest expiry of its verified licenses in `listable_until`; the date is
 * compared here, at query time, so expiry needs no job: the next query after the date simply
 * stops matching.
 */
export function listedEntry(today: string): SQL {
  return sql`e.listable_until >= ${today}::date`;
}

/**
 * The same rule for a location `l`, for every query that shows or books a location outside search
 * (profile, schedule, booking): it reads the location's own entry, so no page can disagree with
 * search about who is listed.
 */
export function bookableLocation(today: string): SQL {
  return sql`exists (
    select 1 from search_entries e
    where e.location_id = l.id and e.condition_id is null and ${listedEntry(today)}
  )`;
}

/** The same rule for a provider `p`: listed at one location at least (sitemap, moderation). */
export function listedProvider(today: string): SQL {
  return sql`exists (
    select 1 from search_entries e
    where e.provider_id = p.id and e.condition_id is null and ${listedEntry(today)}
  )`;
}
