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
 * DESIGN.md's trust rule as SQL over a provider row `p` and one of its locations `l`: the listing
 * is published and not suspended, the provider holds a verified NPI, and a verified, unexpired
 * state license for that location's state. Every query that lists or books a provider uses it, so
 * expiry needs no job: the next query after the date simply stops matching.
 */
export function bookableLocation(today: string): SQL {
  return sql`p.listing_status = 'published' and p.suspended_at is null
    and exists (
      select 1 from licenses npi
      where npi.provider_id = p.id and npi.kind = 'npi' and npi.status = 'verified'
    )
    and exists (
      select 1 from licenses lic
      where lic.provider_id = p.id and lic.kind = 'state' and lic.status = 'verified'
        and lic.state = l.state and lic.expires_on >= ${today}::date
    )`;
}
