import "server-only";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { chooseDriver } from "./driver";
import "./query-errors";
import { acquireFolderLock } from "./lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type OpenedDatabase = { db: Database; driver: ReturnType<typeof chooseDriver>; close: () => Promise<void> };

export type DatabaseConfig = {
  databaseUrl: string | undefined;
  pgliteDir: string;
  sqlLogFile?: string | undefined;
  /** Tests of an upgrade open a database at an earlier migration first; everything else migrates to the latest. */
  migrationsFolder?: string;
};

const MIGRATIONS_FOLDER = join(process.cwd(), "db/migrations");
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_270_736_901;

function statementLogger(file: string | undefined): Logger | undefined {
  if (!file) return undefined;
  // Statement text only: parameters can carry personal data and never leave the process.
  return { logQuery: (query) => appendFileSync(file, `${query.replace(/\s+/g, " ")}\n`) };
}

/**
 * Opens the database named by the config and applies pending migrations, the same way for all
 * three drivers. Callers in the app go through getDb(); scripts and tests call this directly.
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  const driver = chooseDriver(config.databaseUrl);
  const logger = statementLogger(config.sqlLogFile);
  const migrationsFolder = config.migrationsFolder ?? MIGRATIONS_FOLDER;

  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const inMemory = config.pgliteDir.startsWith("memory://");
    let release = () => {};
    if (!inMemory) {
      const dir = resolve(config.pgliteDir);
      mkdirSync(dirname(dir), { recursive: true });
      release = acquireFolderLock(`${dir}.lock`);
    }
    try {
      // Extensions the migrations create must be loaded into PGlite's WASM build first.
      const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
      const client = await PGlite.create(inMemory ? config.pgliteDir : resolve(config.pgliteDir), { extensions: { btree_gist } });
      const db = drizzle({ client, schema, casing: "snake_case", logger });
      await migrate(db, { migrationsFolder });
      return {
        db: db as unknown as Database,
        driver,
        close: async () => {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    const { default: ws } = await import("ws");
    // Node 20 has no global WebSocket; Neon's driver speaks Postgres over one.
    neonConfig.webSocketConstructor = ws;
    const pool = new Pool({ connectionString: config.databaseUrl });
    const client = await pool.connect();
    await migrateUnderLock(client, () => migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder }));
    const db = drizzle({ client: pool, schema, casing: "snake_case", logger });
    return { db: db as unknown as Database, driver, close: () => pool.end() };
  }

  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  const client = await pool.connect();
  await migrateUnderLock(client, () => migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder }));
  const db = drizzle({ client: pool, schema, casing: "snake_case", logger });
  return { db: db as unknown as Database, driver, close: () => pool.end() };
}

type LockableClient = { query(sql: string, params?: unknown[]): Promise<unknown>; release(): void };

// Serverless instances start together; an advisory lock lets exactly one apply migrations while
// the others wait and then find nothing left to do.
async function migrateUnderLock(client: LockableClient, run: () => Promise<void>) {
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await run();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
