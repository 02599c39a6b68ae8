import "server-only";
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { chooseDriver, type Driver } from "./driver";
import "./query-errors";
import { acquireFolderLock } from "./lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type OpenedDatabase = { db: Database; driver: Driver; close: () => Promise<void> };

export type DatabaseConfig = {
  databaseUrl: string | undefined;
  pgliteDir: string;
  sqlLogFile?: string | undefined;
  /** Tests of an upgrade open a database at an earlier migration first; everything else migrates to the latest. */
  migrationsFolder?: string;
  /** DATABASE_DRIVER: a server's driver when its host should not decide. */
  driver?: "pg" | "neon" | undefined;
  /** NEON_WS_PROXY: a local WebSocket-to-TCP proxy for Neon's driver (tests only). */
  neonWsProxy?: string | undefined;
  /** PGLITE_TEMPLATE: an in-memory PGlite starts from this migrated data folder (.tar; tests only). */
  pgliteTemplate?: string | undefined;
};

const MIGRATIONS_FOLDER = join(process.cwd(), "db/migrations");
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_270_736_901;

export const MIGRATE_COMMAND = "npm run db:migrate";

/** A server database whose applied migrations are older than this build's. */
export class MigrationsPendingError extends Error {
  constructor(readonly pending: number) {
    super(`The database is ${pending} migration${pending === 1 ? "" : "s"} behind this version of the app; run \`${MIGRATE_COMMAND}\` (as the database owner) before serving.`);
    this.name = "MigrationsPendingError";
  }
}

function statementLogger(file: string | undefined): Logger | undefined {
  if (!file) return undefined;
  // Statement text only: parameters can carry personal data and never leave the process.
  return { logQuery: (query) => appendFileSync(file, `${query.replace(/\s+/g, " ")}\n`) };
}

/**
 * Opens the database named by the config. The embedded database (demo, development, tests)
 * migrates itself: one process owns its folder. A server is never migrated by opening it: the
 * app connects as relief_app, which may not run DDL, so migrations are a deploy step
 * (`npm run db:migrate` as the owner) and opening only checks that they ran, refusing with
 * MigrationsPendingError otherwise, in every environment alike.
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  const opened = await connect(config);
  try {
    if (opened.driver === "pglite") await opened.migrate();
    else await assertMigrationsApplied(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return { db: opened.db, driver: opened.driver, close: opened.close };
}

/** Applies pending migrations on any driver, under an advisory lock on a server; `npm run db:migrate`. */
export async function migrateDatabase(config: DatabaseConfig): Promise<Driver> {
  const opened = await connect(config);
  try {
    await opened.migrate();
  } finally {
    await opened.close();
  }
  return opened.driver;
}

type Connected = OpenedDatabase & { migrate: () => Promise<void> };

async function connect(config: DatabaseConfig): Promise<Connected> {
  const driver = chooseDriver(config.databaseUrl, config.driver);
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
      const client =
        inMemory && config.pgliteTemplate
          ? await PGlite.create({ dataDir: config.pgliteDir, loadDataDir: new Blob([readFileSync(config.pgliteTemplate)]), extensions: { btree_gist } })
          : await PGlite.create(inMemory ? config.pgliteDir : resolve(config.pgliteDir), { extensions: { btree_gist } });
      const db = drizzle({ client, schema, casing: "snake_case", logger });
      return {
        db: db as unknown as Database,
        driver,
        migrate: () => migrate(db, { migrationsFolder }),
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
    if (config.neonWsProxy) pointAtLocalProxy(neonConfig, config.neonWsProxy);
    const pool = new Pool({ connectionString: config.databaseUrl });
    const db = drizzle({ client: pool, schema, casing: "snake_case", logger });
    return {
      db: db as unknown as Database,
      driver,
      migrate: async () => {
        const client = await pool.connect();
        await migrateUnderLock(client, () => migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder }));
      },
      close: () => pool.end(),
    };
  }

  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  const db = drizzle({ client: pool, schema, casing: "snake_case", logger });
  return {
    db: db as unknown as Database,
    driver,
    migrate: async () => {
      const client = await pool.connect();
      await migrateUnderLock(client, () => migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder }));
    },
    close: () => pool.end(),
  };
}

// The driver's documented settings for a plain PostgreSQL behind a local proxy (CONFIG.md): the
// proxy relays bytes, with no TLS and no Neon-only pipelining.
function pointAtLocalProxy(neonConfig: typeof import("@neondatabase/serverless").neonConfig, proxy: string) {
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

type JournalEntry = { when: number };

/** Migrations of this build that the database has not recorded, counted by drizzle's own rule (created_at). */
export async function pendingMigrations(db: Pick<Database, "execute">): Promise<number> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: JournalEntry[] };
  const table = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)) as unknown as { rows: { present: boolean }[] };
  if (!table.rows[0]?.present) return journal.entries.length;
  const last = (await db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`)) as unknown as { rows: { at: string | null }[] };
  const appliedUpTo = Number(last.rows[0]?.at ?? 0);
  // A newer deploy may already have migrated further; an older instance still serves then.
  return journal.entries.filter((entry) => entry.when > appliedUpTo).length;
}

async function assertMigrationsApplied(db: Database) {
  const pending = await pendingMigrations(db);
  if (pending > 0) throw new MigrationsPendingError(pending);
}

type LockableClient = { query(sql: string, params?: unknown[]): Promise<unknown>; release(): void };

// Deploys can overlap (a redeploy, a preview beside production); an advisory lock lets exactly one
// apply migrations while the others wait and then find nothing left to do.
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
