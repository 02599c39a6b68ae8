import "server-only";
import { sql, type SQL } from "drizzle-orm";

// What a read at some instant may make of a next_openings row (db/schema.ts `nextOpenings`):
// - current: the clock has not reached its stale_at, and it was not computed later than the read;
// - reached: the clock has reached its stale_at, and the successor the cron computed for that
//   instant holds until the successor's own stale_at, so the read shows the successor;
// - unknown: anything else (no successor, or the clock passed that too, or a row computed later
//   than the read: a test's frozen clock, a server whose clock is behind another's). The read
//   recomputes it with the slot function before it answers.
// A read never writes a reached row: many rows reach their successors at one instant (every
// clinic in a zone opens on the hour), and swapping them all in before answering is what kept
// the first search after such an instant waiting seconds. The cron swaps them (promoteSuccessors).
// Each predicate is the condition of one of migration 0038's partial indexes, so every probe
// below reads an index that holds only the rows it asks about.

/** SQL: `instant` as a timestamptz. */
export const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

const prepared = sql`o.successor_from = o.stale_at`;
const unprepared = sql`o.successor_from is distinct from o.stale_at`;

/** SQL on next_openings `o`: the row has reached its successor at `now`. */
export const reachedRow = (now: Date): SQL => sql`(${prepared} and o.stale_at <= ${at(now)} and o.successor_stale_at > ${at(now)})`;

/**
 * SQL on next_openings `o`, one condition for each way a row's value at `now` is unknown until it
 * is recomputed; each reads one index.
 */
export const unknownWays = (now: Date): SQL[] => [
  sql`${unprepared} and o.stale_at <= ${at(now)}`,
  sql`${prepared} and o.successor_stale_at <= ${at(now)}`,
  sql`o.computed_at > ${at(now)}`,
];

/** SQL on next_openings `o`: the row's value at `now` is unknown until it is recomputed. */
const unknownRow = (now: Date): SQL => sql`(${sql.join(unknownWays(now).map((way) => sql`(${way})`), sql` or `)})`;

/**
 * SQL: some row is unknown at `now`. Three index probes that find nothing while every row is
 * current or reached. With `scope` (SQL listing provider ids), only those providers' rows count,
 * and the scope is read only when some row is unknown.
 */
export function unknownOpening(now: Date, scope?: SQL): SQL {
  const any = sql`(${sql.join(
    unknownWays(now).map((way) => sql`exists (select 1 from next_openings o where ${way})`),
    sql` or `,
  )})`;
  return scoped(any, now, unknownRow, scope);
}

/** SQL: some row (of `scope`'s providers, when given) is reached at `now`. */
export function reachedOpening(now: Date, scope?: SQL): SQL {
  return scoped(anyReached(now), now, reachedRow, scope);
}

/** SQL: some row at all is reached at `now`; one probe, which Postgres evaluates once a statement. */
export const anyReached = (now: Date): SQL => sql`exists (select 1 from next_openings o where ${reachedRow(now)})`;

/**
 * SQL: the next opening at `now` of the provider `providerId` names, whose stored value (a search
 * entry's copy) is `stored`: the stored value, or its successor once the clock reached it. While
 * no row at all is reached, the stored value alone, with no lookup.
 */
export function openingAt(now: Date, providerId: SQL, stored: SQL): SQL {
  return sql`case when ${anyReached(now)} then (select case when ${reachedRow(now)} then o.successor_starts_at else ${stored} end
    from next_openings o where o.provider_id = ${providerId}) else ${stored} end`;
}

function scoped(any: SQL, now: Date, row: (now: Date) => SQL, scope: SQL | undefined): SQL {
  if (!scope) return any;
  return sql`case when ${any} then exists (select 1 from next_openings o where o.provider_id in (${scope}) and ${row(now)}) else false end`;
}
