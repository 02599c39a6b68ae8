import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, getDb, type Database } from "@/db/client";
import { isLockWaitGivenUp } from "@/db/errors";
import { computeOpenings, idList, promoteSuccessors, PROMOTED_PER_STATEMENT, storeOpenings, storeSuccessors, type Writer } from "./opening-rows";
import { at, unknownWays } from "./opening-state";

// Keeps next_openings (db/schema.ts `nextOpenings`) and its copy on search_entries equal to the
// first slot the slots API gives. Triggers (migration 0035) mark a provider stale in the
// transaction of any write that can change it; a write made through scheduleTransaction
// recomputes them there before it commits, and a read recomputes whatever is still stale (a write
// made another way, one that found the search generation busy, or the clock passing a row's
// stale_at). The clock passes many rows at once (every clinic in a zone opens on the hour), so the
// cron computes each row's successor before its stale_at; a read shows it from then on without
// writing (./opening-state.ts), and the next cron swaps it in. Every value is the slot function's,
// so search, the profile and the slots API cannot disagree.

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// How long a recomputation, inside a write or for a read, waits for a lock (the search
// generation, another write's search entries or rows) before it leaves the rows stale for the
// next read: writes hold the generation only for their last milliseconds, and this stays well
// under Postgres's deadlock timeout (1 s), so when a recomputation and a write wait on each other
// the recomputation gives up first, and the write goes on.
const SETTLE_LOCK_TIMEOUT = "200ms";

// Providers recomputed per statement: a results page's worth many times over, small enough that
// a read which finds a few stale rows answers in milliseconds.
const BATCH = 500;

/** Recomputes the next opening of `providerIds`; returns how many providers it looked at. */
export async function refreshNextOpenings(db: Writer, providerIds: string[], now: Date = new Date()): Promise<number> {
  if (providerIds.length === 0) return 0;
  return recompute(sql`p.id in (${idList(providerIds)})`, db, now);
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
 * Recomputes with the slot function every row unknown at `now` (./opening-state.ts), or only the
 * rows of `scope` (SQL listing provider ids, as unknownOpening takes). Rows that reached their
 * successor are left as they are: a read shows the successor without them. Returns how many
 * providers it recomputed.
 *
 * Each step is one short transaction (at most BATCH rows), so a row and its search entries change
 * together. A write that bumped the search generation before it marked a row a step holds waits
 * on that step, which waits on it for the generation: the step gives up its wait first
 * (SETTLE_LOCK_TIMEOUT), its rows stay stale for the next read (the search answers as it is), and
 * neither the write nor this read fails on it. No step starts after `stopBy` (a
 * performance.now() instant); what is left stays stale for the next read.
 */
export async function refreshStaleNextOpenings(
  db: Database,
  now: Date = new Date(),
  scope?: SQL,
  { stopBy = Infinity }: { stopBy?: number } = {},
): Promise<number> {
  const within = scope ? sql`and o.provider_id in (${scope})` : sql``;
  let total = 0;
  while (performance.now() < stopBy) {
    // The ids first, then the schedules by id: with the subquery inside the schedule statement
    // PGlite (no statistics) hashed the whole providers table for every batch.
    const stale = await executeRows<{ id: string }>(
      sql`${sql.join(
        unknownWays(now).map((way) => sql`select o.provider_id as id from next_openings o where ${way} ${within}`),
        sql` union all `,
      )} limit ${BATCH}`,
      db,
    );
    if (stale.length === 0) break;
    const ids = [...new Set(stale.map((r) => r.id))];
    const computed = await computeOpenings(sql`p.id in (${idList(ids)})`, db, now);
    // Given up, the same rows would be stale again on the next turn.
    if (!(await unlessGivenUp(db, (tx) => storeOpenings(tx, computed, now)))) break;
    total += computed.length;
    if (stale.length < BATCH) break;
  }
  return total;
}

/**
 * Swaps in every successor the clock has reached at `now` (promoteSuccessors), a batch a
 * transaction, starting none after `stopBy`. Returns how many it swapped.
 */
export async function promoteReachedSuccessors(db: Database, now: Date, { stopBy = Infinity }: { stopBy?: number } = {}): Promise<number> {
  let total = 0;
  let swapped: number;
  // A batch given up (or the last, short one) ends the swaps; the next cron takes what is left.
  do {
    swapped = 0;
    if (performance.now() >= stopBy) break;
    await unlessGivenUp(db, async (tx) => {
      swapped = await promoteSuccessors(tx, now);
    });
    total += swapped;
  } while (swapped === PROMOTED_PER_STATEMENT);
  return total;
}

/**
 * Runs `work` in a transaction that waits SETTLE_LOCK_TIMEOUT at most for a lock; false when it
 * gave up a lock wait (or Postgres ended it for a deadlock).
 */
async function unlessGivenUp(db: Database, work: (tx: Transaction) => Promise<unknown>): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('lock_timeout', ${SETTLE_LOCK_TIMEOUT}, true)`);
      await work(tx);
    });
    return true;
  } catch (error) {
    if (!isLockWaitGivenUp(error)) throw error;
    return false;
  }
}

/** How far ahead the cron computes successors: it runs every 15 minutes (vercel.json). */
const SUCCESSOR_LEAD_MS = 60 * 60 * 1000;
// The cron's share of its 60 seconds (vercel.json maxDuration) for successors; what it leaves,
// soonest due first, a read recomputes when the clock gets there.
const SUCCESSOR_BUDGET_MS = 20_000;

/**
 * Computes, for each row whose stale_at comes within `leadMs`, the value it takes at that
 * instant, soonest first, starting batches until `budgetMs` of work is spent. Returns how many it
 * stored.
 */
export async function prepareSuccessors(
  db: Writer,
  now: Date,
  { leadMs = SUCCESSOR_LEAD_MS, budgetMs = SUCCESSOR_BUDGET_MS }: { leadMs?: number; budgetMs?: number } = {},
): Promise<number> {
  const until = new Date(now.getTime() + leadMs);
  const started = performance.now();
  let after: { stale_at: string; id: string } | undefined;
  let prepared = 0;
  do {
    // Keyset pagination, so a row whose successor could not be stored (a write came between) is
    // passed over rather than read again forever.
    const due: { id: string; stale_at: string }[] = await executeRows<{ id: string; stale_at: string }>(
      sql`select o.provider_id as id, to_json(o.stale_at) #>> '{}' as stale_at from next_openings o
        where o.stale_at > ${at(now)} and o.stale_at <= ${at(until)} and o.successor_from is distinct from o.stale_at
          ${after ? sql`and (o.stale_at, o.provider_id) > (${after.stale_at}::timestamptz, ${after.id}::uuid)` : sql``}
        order by o.stale_at, o.provider_id limit ${BATCH}`,
      db,
    );
    // Rows of one clinic hour share their stale_at: one schedule statement for each instant.
    for (const [staleAt, ids] of byStaleAt(due)) {
      const from = new Date(staleAt);
      const computed = await computeOpenings(sql`p.id in (${idList(ids)})`, db, from);
      try {
        prepared += await storeSuccessors(db, computed, from);
      } catch (error) {
        // A deadlock with a write: that write moved these rows' stale_at anyway, and what is left
        // a read recomputes.
        if (!isLockWaitGivenUp(error)) throw error;
      }
    }
    after = due.length === BATCH ? due[BATCH - 1] : undefined;
  } while (after && performance.now() - started < budgetMs);
  return prepared;
}

function byStaleAt(rows: { id: string; stale_at: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const group = groups.get(row.stale_at);
    if (group) group.push(row.id);
    else groups.set(row.stale_at, [row.id]);
  }
  return groups;
}

/**
 * The cron's share, on the app's database: the successors the clock reached swapped in, every
 * unknown row recomputed, then the successors of those about to go stale, for at most their
 * share of the time, starting no batch of any after `stopBy` (a performance.now() instant: what
 * the cron's earlier steps left of its run).
 */
export async function keepNextOpeningsAhead(
  now: Date = new Date(),
  { stopBy = Infinity }: { stopBy?: number } = {},
): Promise<{ successorsSwapped: number; recomputed: number; successorsPrepared: number }> {
  const db = await getDb();
  const successorsSwapped = await promoteReachedSuccessors(db, now, { stopBy });
  const recomputed = await refreshStaleNextOpenings(db, now, undefined, { stopBy });
  const budgetMs = Math.min(SUCCESSOR_BUDGET_MS, stopBy - performance.now());
  return { successorsSwapped, recomputed, successorsPrepared: budgetMs > 0 ? await prepareSuccessors(db, now, { budgetMs }) : 0 };
}

/**
 * The first opening of each of `providerIds` at `now`, computed and not stored: for a read that
 * could not make their rows fresh (another transaction held them past every retry), so it shows
 * the slot function's answer all the same.
 */
export async function openingsNow(providerIds: string[], now: Date): Promise<Map<string, string | null>> {
  if (providerIds.length === 0) return new Map();
  const computed = await computeOpenings(sql`p.id in (${idList(providerIds)})`, await getDb(), now);
  return new Map(computed.map((c) => [c.providerId, c.startsAt]));
}

async function recompute(who: SQL, db: Writer, now: Date): Promise<number> {
  const computed = await computeOpenings(who, db, now);
  await storeOpenings(db, computed, now);
  return computed.length;
}
