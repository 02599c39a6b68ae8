import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, type Database } from "@/db/client";
import { notLapsed } from "@/lib/booking/held";
import { firstOpening, openingRange, openingStaleAt } from "./opening";
import { at, reachedRow } from "./opening-state";
import { scheduleQuery, toSchedule, type ScheduleRow } from "./queries";
import { rangeCovering } from "./schedule";

// Reads and writes of next_openings rows (db/schema.ts `nextOpenings`): the slot function's first
// slot for some providers as of an instant, stored either as the row's value or as its successor,
// the value it takes once the clock reaches its stale_at. lib/scheduling/next-openings.ts decides
// which rows and when.

export type Writer = Pick<Database, "execute">;

/** A provider's first opening as of some instant, and the version of the row it was read against. */
export type ComputedOpening = {
  providerId: string;
  version: string;
  startsAt: string | null;
  locationId: string | null;
  /** ISO instant, or "infinity" when only a write can change it. */
  staleAt: string;
};

type Row = ScheduleRow & { version: string; lapses_at: string | null; listable_until: Record<string, string> | null };

/** The ids as a plain list, which lets the planner probe the primary key and provider indexes. */
export const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** The first opening of every provider `who` matches, as a read at `asOf` would compute it. */
export async function computeOpenings(who: SQL, db: Writer, asOf: Date): Promise<ComputedOpening[]> {
  const { from, to } = openingRange(asOf);
  const range = rangeCovering(from, to);
  // The version is read in the schedule's own snapshot: a write committed after it bumps the
  // version, and the stores below then leave the row alone.
  const rows = await executeRows<Row>(
    sql`
    select o.version::text as version, q.*,
      (select to_json(min(case b.status when 'pending_payment' then b.hold_expires_at else b.answer_by end)) #>> '{}'
        from bookings b where b.provider_id = q."providerId" and b.status in ('pending_payment', 'requested') and ${notLapsed(asOf, "b")}
          and b.blocked_until > ${at(range.start)} and b.starts_at < ${at(range.end)}) as lapses_at,
      -- Through the provider's locations, so each entry is one probe of (location_id, condition_id):
      -- by provider_id, PGlite ANDed in the index of every condition-less entry, a scan of the whole
      -- directory per provider (the seed's recomputation grew with the square of its size).
      (select json_object_agg(e.location_id, e.listable_until) from locations l
        join search_entries e on e.location_id = l.id and e.condition_id is null
        where l.provider_id = q."providerId") as listable_until
    from (${scheduleQuery(who, null, range, asOf)}) q
    join next_openings o on o.provider_id = q."providerId"`,
    db,
  );
  return rows.map((row) => {
    const schedule = toSchedule(row);
    const first = schedule ? firstOpening(schedule, asOf) : undefined;
    const staleAt = openingStaleAt({
      schedule,
      first,
      now: asOf,
      lapsesAt: row.lapses_at ? new Date(row.lapses_at) : null,
      listableUntil: row.listable_until ?? {},
    });
    return {
      providerId: row.providerId,
      version: row.version,
      startsAt: first?.start ?? null,
      locationId: first?.locationId ?? null,
      staleAt: staleAt ? staleAt.toISOString() : "infinity",
    };
  });
}

const valuesOf = (computed: ComputedOpening[]) =>
  sql.join(
    computed.map(
      (c) => sql`(${c.providerId}::uuid, ${c.version}::bigint, ${c.startsAt}::timestamptz, ${c.locationId}::uuid, ${c.staleAt}::timestamptz)`,
    ),
    sql`, `,
  );

/**
 * SQL: the rows of `ids`, locked in provider order, as they are once locked. Every statement of
 * the read and cron paths that updates several rows locks them so: two of them at once then wait
 * for each other instead of deadlocking on rows each locked in its own plan's order.
 */
const lockedInOrder = (ids: SQL) =>
  sql`select o.provider_id, o.starts_at from next_openings o where o.provider_id in (${ids}) order by o.provider_id for update`;

/**
 * Stores `computed` (as of `now`) as the rows' values, unless a write bumped a row's version
 * since, and copies each changed value to the provider's search entries. Two statements: the
 * caller runs them in one transaction, so the entries never disagree with the rows.
 */
export async function storeOpenings(db: Writer, computed: ComputedOpening[], now: Date): Promise<void> {
  if (computed.length === 0) return;
  const changed = await executeRows<{ provider_id: string; starts_at: string | null }>(
    sql`
    with v (provider_id, version, starts_at, location_id, stale_at) as (values ${valuesOf(computed)}),
    before as materialized (${lockedInOrder(idList(computed.map((c) => c.providerId)))}),
    stored as (
      update next_openings o set starts_at = v.starts_at, location_id = v.location_id, stale_at = v.stale_at, computed_at = ${at(now)},
        successor_from = null, successor_starts_at = null, successor_location_id = null, successor_stale_at = null
      from v join before on before.provider_id = v.provider_id
      where o.provider_id = before.provider_id and o.version = v.version
      returning o.provider_id, o.starts_at)
    select stored.provider_id, to_json(stored.starts_at) #>> '{}' as starts_at from stored join before on before.provider_id = stored.provider_id
    where before.starts_at is distinct from stored.starts_at`,
    db,
  );
  // Only a changed value touches search_entries, whose every write moves the search generation
  // and so retires every cached search: a clock-stale row that still holds its slot changes nothing.
  if (changed.length > 0) await copyToEntries(db, changed);
}

/** Each provider's new value onto every one of their search entries. */
async function copyToEntries(db: Writer, changed: { provider_id: string; starts_at: string | null }[]): Promise<void> {
  const pairs = changed.map((c) => sql`(${c.provider_id}::uuid, ${c.starts_at}::timestamptz)`);
  await db.execute(sql`
    update search_entries e set next_available = v.starts_at
    from (values ${sql.join(pairs, sql`, `)}) v (provider_id, starts_at)
    where e.provider_id in (${idList(changed.map((c) => c.provider_id))}) and e.provider_id = v.provider_id
      and e.next_available is distinct from v.starts_at`);
}

/**
 * Stores `computed` (as of `from`) as the successors of rows whose stale_at is `from`, unless a
 * write came since (it bumps the version and moves stale_at). Returns how many it stored.
 */
export async function storeSuccessors(db: Writer, computed: ComputedOpening[], from: Date): Promise<number> {
  if (computed.length === 0) return 0;
  const stored = await executeRows<{ provider_id: string }>(
    sql`
    with v (provider_id, version, starts_at, location_id, stale_at) as (values ${valuesOf(computed)}),
    locked as materialized (${lockedInOrder(idList(computed.map((c) => c.providerId)))})
    update next_openings o set successor_from = o.stale_at, successor_starts_at = v.starts_at,
      successor_location_id = v.location_id, successor_stale_at = v.stale_at
    from v join locked on locked.provider_id = v.provider_id
    where o.provider_id = locked.provider_id and o.version = v.version and o.stale_at = ${at(from)}
    returning o.provider_id`,
    db,
  );
  return stored.length;
}

// Rows swapped per statement. At 100,000 providers one instant passed 60,000 rows: in one
// statement their entries' copy bound more parameters than Postgres takes (65,535), and the
// transaction held its locks for half a minute. 500 keeps it well under a second, as a
// recomputation's batch, so a write waiting on it is not the one a deadlock ends.
export const PROMOTED_PER_STATEMENT = 500;

/**
 * Gives every row the clock has moved into its successor's time (of `scope`'s providers, when
 * given) the successor's value, with no slot computed, then copies the changed values to
 * search_entries. Reads already show those successors without it (./opening-state.ts); the cron
 * swaps them so that the next successor can be computed. Rows are locked in provider order
 * first, so two swaps at once wait for each other instead of deadlocking; the second then finds
 * nothing left to swap. Two statements, which the caller runs in one transaction. Swaps `limit`
 * rows at most (the caller repeats while it swaps that many); returns how many it swapped.
 */
export async function promoteSuccessors(db: Writer, now: Date, scope?: SQL, limit = PROMOTED_PER_STATEMENT): Promise<number> {
  const promoted = await executeRows<{ provider_id: string; starts_at: string | null; changed: boolean }>(
    sql`
    with due as materialized (
      select o.provider_id, o.starts_at from next_openings o
      where ${reachedRow(now)} ${scope ? sql`and o.provider_id in (${scope})` : sql``}
      order by o.provider_id limit ${limit} for update)
    update next_openings o set starts_at = o.successor_starts_at, location_id = o.successor_location_id,
      stale_at = o.successor_stale_at, computed_at = o.successor_from,
      successor_from = null, successor_starts_at = null, successor_location_id = null, successor_stale_at = null
    from due where o.provider_id = due.provider_id
    returning o.provider_id, to_json(o.starts_at) #>> '{}' as starts_at, due.starts_at is distinct from o.starts_at as changed`,
    db,
  );
  // Apart, and only when a value changed: any update of search_entries, even of no row, moves the
  // search generation (its statement trigger), which would retire every cached search.
  const changed = promoted.filter((p) => p.changed);
  if (changed.length > 0) await copyToEntries(db, changed);
  return promoted.length;
}
