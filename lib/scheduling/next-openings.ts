import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, getDb, type Database } from "@/db/client";
import { isLockWaitGivenUp } from "@/db/errors";
import { notLapsed } from "@/lib/booking/held";
import { firstOpening, openingRange, openingStaleAt } from "./opening";
import { scheduleQuery, toSchedule, type ScheduleRow } from "./queries";
import { rangeCovering } from "./schedule";

// Keeps next_openings (db/schema.ts `nextOpenings`) and its copy on search_entries equal to the
// first slot the slots API gives. Triggers (migration 0035) mark a provider stale in the
// transaction of any write that can change it; a write made through scheduleTransaction
// recomputes them there before it commits, and a read recomputes whatever is still stale (a write
// made another way, one that found the search generation busy, or the clock passing a row's
// stale_at). Every recomputation is the slot function itself, so search, the profile and the
// slots API cannot disagree.

type Writer = Pick<Database, "execute">;
type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// How long the recomputation inside a write waits for a lock (the search generation, another
// write's search entries) before it leaves the rows stale for the next read: writes hold the
// generation only for their last milliseconds, and this stays well under the deadlock timeout, so
// two writes waiting on each other never reach Postgres's deadlock error.
const SETTLE_LOCK_TIMEOUT = "200ms";

// Providers recomputed per statement: a results page's worth many times over, small enough that
// a read which finds a few stale rows answers in milliseconds.
const BATCH = 500;

type Row = ScheduleRow & { version: string; lapses_at: string | null; listable_until: Record<string, string> | null };

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * SQL: some next opening is stale at `now`: the clock passed its stale_at, or it was computed
 * later than `now` (a test's frozen clock, a server whose clock is behind another's). Two index
 * probes that find nothing while every row is fresh.
 */
export function staleOpening(now: Date): SQL {
  return sql`(exists (select 1 from next_openings o where o.stale_at <= ${at(now)})
    or exists (select 1 from next_openings o where o.computed_at > ${at(now)}))`;
}

/** Recomputes the next opening of `providerIds`; returns how many providers it looked at. */
export async function refreshNextOpenings(db: Writer, providerIds: string[], now: Date = new Date()): Promise<number> {
  if (providerIds.length === 0) return 0;
  return recompute(sql`p.id in (${sql.join(providerIds.map((id) => sql`${id}::uuid`), sql`, `)})`, db, now);
}

/**
 * `db.transaction` for a write that can change when a provider can be booked (a booking, hours,
 * time off, a type, a location, a license, a listing): after `work`, and before the commit, it
 * recomputes the next openings the write marked stale, so no read after the commit finds them so.
 */
export async function scheduleTransaction<T>(db: Database, now: Date, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    await settleNextOpenings(tx, now);
    return result;
  });
}

/**
 * Recomputes, inside the caller's transaction, the next openings its writes marked stale
 * (migration 0036 lists them). In a savepoint with a short lock timeout: when another write holds
 * what the recomputation needs, the rows stay marked stale and the write goes on.
 */
async function settleNextOpenings(tx: Transaction, now: Date): Promise<void> {
  const [marked] = await executeRows<{ ids: string | null; lock_timeout: string }>(
    sql`select current_setting('relief_finder.stale_openings', true) as ids, current_setting('lock_timeout') as lock_timeout`,
    tx,
  );
  if (!marked?.ids || marked.ids === "*") return;
  const ids = [...new Set(marked.ids.split(","))];
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql`select set_config('lock_timeout', ${SETTLE_LOCK_TIMEOUT}, true), set_config('relief_finder.stale_openings', '', true)`);
      await refreshNextOpenings(savepoint, ids, now);
      await savepoint.execute(sql`select set_config('lock_timeout', ${marked.lock_timeout}, true)`);
    });
  } catch (error) {
    if (!isLockWaitGivenUp(error)) throw error;
  }
}

/**
 * Recomputes stale rows until none is left or `maxBatches` ran (the cron's
 * catch-up after a day change). Returns how many providers it recomputed.
 */
export async function refreshStaleNextOpenings(db: Writer, now: Date = new Date(), maxBatches = Infinity): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // The ids first, then the schedules by id: with the subquery inside the schedule statement
    // PGlite (no statistics) hashed the whole providers table for every batch.
    const stale = await executeRows<{ id: string }>(
      sql`select o.provider_id as id from next_openings o where o.stale_at <= ${at(now)}
        union all select o.provider_id from next_openings o where o.computed_at > ${at(now)} limit ${BATCH}`,
      db,
    );
    if (stale.length > 0) total += await refreshNextOpenings(db, [...new Set(stale.map((r) => r.id))], now);
    if (stale.length < BATCH) break;
  }
  return total;
}

/** The cron's and the seed's catch-up: every stale row, on the app's database. */
export async function refreshAllStaleNextOpenings(now: Date = new Date()): Promise<number> {
  return refreshStaleNextOpenings(await getDb(), now);
}

async function recompute(who: SQL, db: Writer, now: Date): Promise<number> {
  const { from, to } = openingRange(now);
  const range = rangeCovering(from, to);
  // The version is read in the schedule's own snapshot: a write committed after it bumps the
  // version, and the update below then leaves the row stale for the next read.
  const rows = await executeRows<Row>(
    sql`
    select o.version::text as version, q.*,
      (select to_json(min(case b.status when 'pending_payment' then b.hold_expires_at else b.answer_by end)) #>> '{}'
        from bookings b where b.provider_id = q."providerId" and b.status in ('pending_payment', 'requested') and ${notLapsed(now, "b")}
          and b.blocked_until > ${at(range.start)} and b.starts_at < ${at(range.end)}) as lapses_at,
      -- Through the provider's locations, so each entry is one probe of (location_id, condition_id):
      -- by provider_id, PGlite ANDed in the index of every condition-less entry, a scan of the whole
      -- directory per provider (the seed's recomputation grew with the square of its size).
      (select json_object_agg(e.location_id, e.listable_until) from locations l
        join search_entries e on e.location_id = l.id and e.condition_id is null
        where l.provider_id = q."providerId") as listable_until
    from (${scheduleQuery(who, null, range, now)}) q
    join next_openings o on o.provider_id = q."providerId"`,
    db,
  );
  if (rows.length === 0) return 0;
  // The ids again as a plain list: matched against it, the updates below read the primary key and
  // search_entries_provider_idx instead of hashing a whole table against the VALUES list (PGlite,
  // with no statistics, chose the latter: 100,000 providers took over a quarter of an hour).
  const ids = (list: string[]) => sql.join(list.map((id) => sql`${id}::uuid`), sql`, `);
  const values = rows.map((row) => {
    const schedule = toSchedule(row);
    const first = schedule ? firstOpening(schedule, now) : undefined;
    const staleAt = openingStaleAt({
      schedule,
      first,
      now,
      lapsesAt: row.lapses_at ? new Date(row.lapses_at) : null,
      listableUntil: row.listable_until ?? {},
    });
    return sql`(${row.providerId}::uuid, ${row.version}::bigint, ${first?.start ?? null}::timestamptz, ${first?.locationId ?? null}::uuid,
      ${staleAt ? staleAt.toISOString() : "infinity"}::timestamptz)`;
  });
  const changed = await executeRows<{ provider_id: string; starts_at: string | null }>(
    sql`
    with v (provider_id, version, starts_at, location_id, stale_at) as (values ${sql.join(values, sql`, `)}),
    before as (select o.provider_id, o.starts_at from next_openings o where o.provider_id in (${ids(rows.map((r) => r.providerId))})),
    stored as (
      update next_openings o set starts_at = v.starts_at, location_id = v.location_id, stale_at = v.stale_at, computed_at = ${at(now)}
      from v where o.provider_id in (${ids(rows.map((r) => r.providerId))}) and o.provider_id = v.provider_id and o.version = v.version
      returning o.provider_id, o.starts_at)
    select stored.provider_id, to_json(stored.starts_at) #>> '{}' as starts_at from stored join before on before.provider_id = stored.provider_id
    where before.starts_at is distinct from stored.starts_at`,
    db,
  );
  // Only a changed value touches search_entries, whose every write moves the search generation
  // and so retires every cached search: a clock-stale row that still holds its slot changes nothing.
  if (changed.length > 0) {
    const pairs = changed.map((c) => sql`(${c.provider_id}::uuid, ${c.starts_at}::timestamptz)`);
    await db.execute(sql`
      update search_entries e set next_available = v.starts_at
      from (values ${sql.join(pairs, sql`, `)}) v (provider_id, starts_at)
      where e.provider_id in (${ids(changed.map((c) => c.provider_id))}) and e.provider_id = v.provider_id
        and e.next_available is distinct from v.starts_at`);
  }
  return rows.length;
}
