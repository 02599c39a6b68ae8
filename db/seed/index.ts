import "server-only";
import { count, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/open";
import {
  appointmentTypes,
  bookings,
  conditions,
  insuranceCarriers,
  licenses,
  locations,
  payments,
  providerConditions,
  providerInsurance,
  providers,
  treatmentIntervalOverrides,
  treatments,
  weeklyHours,
} from "@/db/schema";
import { env } from "@/lib/env";
import { refreshStaleNextOpenings } from "@/lib/scheduling/next-openings";
import { seedDemoAccounts } from "./accounts";
import { CARRIERS, type CarrierSlug } from "./carriers";
import { CONDITIONS, type ConditionSlug } from "./conditions";
import { DEMO_SEED, generateSeedBatches, type SeedReferences, type SeedRows } from "./generate";

export type SeedOptions = {
  providers: number;
  /** YYYY-MM-DD that license expiry and verification dates are relative to. */
  today: string;
  seed?: number;
  /** Delete every provider (and, by cascade, their rows) before seeding. */
  reset?: boolean;
  onProgress?: (progress: { inserted: number; total: number }) => void;
};

export type SeedCounts = Record<keyof SeedRows, number>;

export type SeedResult =
  | { status: "seeded"; deletedProviders: number; counts: SeedCounts }
  | { status: "skipped"; existingProviders: number };

// Postgres numbers bind parameters with a 16-bit counter.
const MAX_PARAMETERS = 65_535;
const PROVIDERS_PER_TRANSACTION = 1_000;

type Writer = Pick<Database, "insert">;

async function insertInChunks<T extends PgTable>(writer: Writer, table: T, rows: T["$inferInsert"][]): Promise<void> {
  // Counting every column (not only those a row sets) keeps a statement under the limit for any row shape.
  const rowsPerStatement = Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await writer.insert(table).values(rows.slice(start, start + rowsPerStatement));
  }
}

/** `set` for ON CONFLICT DO UPDATE that takes every listed column from the proposed row. */
function fromExcluded<T extends PgTable>(table: T, keys: readonly (keyof T["$inferInsert"] & string)[]): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]));
}

// Upserts by slug, so editing conditions.ts and running the seed or db:setup again updates the
// condition pages without touching providers.
async function upsertReferenceData(db: Database): Promise<SeedReferences> {
  const conditionRows = await db
    .insert(conditions)
    .values([...CONDITIONS])
    .onConflictDoUpdate({
      target: conditions.slug,
      set: fromExcluded(conditions, [
        "name",
        "summary",
        "howItWorks",
        "sideEffects",
        "expectations",
        "insuranceNote",
        "evaluationNote",
        "typicalUnitsLow",
        "typicalUnitsHigh",
        "sortOrder",
      ]),
    })
    .returning({ id: conditions.id, slug: conditions.slug });
  const carrierRows = await db
    .insert(insuranceCarriers)
    .values([...CARRIERS])
    .onConflictDoUpdate({ target: insuranceCarriers.slug, set: fromExcluded(insuranceCarriers, ["name"]) })
    .returning({ id: insuranceCarriers.id, slug: insuranceCarriers.slug });

  return {
    conditionIds: Object.fromEntries(conditionRows.map((r) => [r.slug, r.id])) as Record<ConditionSlug, number>,
    carrierIds: Object.fromEntries(carrierRows.map((r) => [r.slug, r.id])) as Record<CarrierSlug, number>,
  };
}

// The planner's statistics of the tables a seed fills. PGlite has no autovacuum, so nothing else
// gathers them, and without them it takes every table for a few hundred rows: past about 30,000
// providers it chose to read every listed location for each provider whose next opening it
// recomputed (a batch of 500 took 41 s at 50,000 providers; 0.07 s once analysed). Each time the
// directory doubles, so the triggers' statements are planned for its size as it grows, and at
// the end; on a server autovacuum would get there too, later.
async function analyzeDirectory(db: Database): Promise<void> {
  await db.execute(
    sql`analyze providers, locations, provider_conditions, provider_insurance, licenses, appointment_types, weekly_hours, search_entries, next_openings, bookings`,
  );
}

/**
 * Writes the six conditions, the carriers and `providers` generated providers with their
 * locations, conditions, insurance, licenses and appointment types.
 *
 * Reseeding: conditions and carriers are always upserted. If providers already exist, nothing
 * else happens (status "skipped") unless `reset` is set, in which case every provider is deleted
 * first and their child rows go with them through ON DELETE CASCADE; users are kept. Each batch of
 * providers commits in its own transaction, so an interrupted run leaves whole providers behind
 * and `reset` cleans up after it.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  if (env.NODE_ENV === "production") {
    throw new Error("Refusing to seed with NODE_ENV=production: the seed writes fictional providers.");
  }
  if (!Number.isInteger(options.providers) || options.providers < 0) {
    throw new Error(`providers must be a whole number, got ${options.providers}`);
  }

  const refs = await upsertReferenceData(db);
  const [existing] = await db.select({ n: count() }).from(providers);
  const existingProviders = existing?.n ?? 0;
  if (existingProviders > 0 && !options.reset) return { status: "skipped", existingProviders };
  if (existingProviders > 0) {
    // Bookings keep their provider and payments their booking (no cascade: money and visits are
    // records), so a reset removes them first, newest dependants first.
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- reset replaces the whole directory on purpose
    await db.delete(payments);
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- reset replaces the whole directory on purpose
    await db.delete(treatmentIntervalOverrides);
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- reset replaces the whole directory on purpose
    await db.delete(treatments);
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- reset replaces the whole directory on purpose
    await db.delete(bookings);
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- reset replaces the whole directory on purpose
    await db.delete(providers);
  }

  const counts: SeedCounts = { providers: 0, locations: 0, providerConditions: 0, providerInsurance: 0, licenses: 0, appointmentTypes: 0, weeklyHours: 0 };
  const batches = generateSeedBatches({
    count: options.providers,
    seed: options.seed ?? DEMO_SEED,
    today: options.today,
    refs,
    batchSize: PROVIDERS_PER_TRANSACTION,
  });
  let analyzeAt = PROVIDERS_PER_TRANSACTION;
  for (const batch of batches) {
    await db.transaction(async (tx) => {
      // Parents first: every child row points at a provider in the same batch.
      await insertInChunks(tx, providers, batch.providers);
      await insertInChunks(tx, locations, batch.locations);
      await insertInChunks(tx, providerConditions, batch.providerConditions);
      await insertInChunks(tx, providerInsurance, batch.providerInsurance);
      await insertInChunks(tx, licenses, batch.licenses);
      await insertInChunks(tx, appointmentTypes, batch.appointmentTypes);
      await insertInChunks(tx, weeklyHours, batch.weeklyHours);
    });
    for (const key of Object.keys(counts) as (keyof SeedRows)[]) counts[key] += batch[key].length;
    if (counts.providers >= analyzeAt) {
      await analyzeDirectory(db);
      analyzeAt *= 2;
    }
    options.onProgress?.({ inserted: counts.providers, total: options.providers });
  }
  await seedDemoAccounts(db, options.today);
  await analyzeDirectory(db);
  // Every new provider's next opening, in batches of the slot function, so the first search finds
  // them fresh instead of computing a whole directory (100,000 providers for the bench) itself.
  await refreshStaleNextOpenings(db);
  return { status: "seeded", deletedProviders: existingProviders, counts };
}
