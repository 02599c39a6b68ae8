import "server-only";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { migrateDatabase, openDatabase, type Database, type DatabaseConfig, type OpenedDatabase } from "../open";
import { databaseUrlFor, fileDatabaseName, onServer } from "./server-databases";

// For tests of what a migration does to rows already stored: a database of its own (PGlite in
// memory, or a new database on the test server) at an earlier migration, then upgraded the way
// each is in use. The embedded database migrates itself on open, so PGlite (whose memory database
// ends with its connection) runs the same migrator call on the open connection; a server is
// migrated by the deploy step (migrateDatabase, as its owner) and then opened by the app, which
// checks that every migration ran.

type Journal = { entries: { tag: string }[] };

/** A copy of db/migrations that ends with `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const source = join(process.cwd(), "db/migrations");
  const journal = JSON.parse(readFileSync(join(source, "meta/_journal.json"), "utf8")) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const folder = mkdtempSync(join(tmpdir(), "relief-migrations-"));
  mkdirSync(join(folder, "meta"));
  const entries = journal.entries.slice(0, last + 1);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) copyFileSync(join(source, `${tag}.sql`), join(folder, `${tag}.sql`));
  return folder;
}

export type UpgradeDatabase = {
  /** The database as it stood after `lastTag`. */
  before: OpenedDatabase;
  /** Closes `before` and opens the database again with every migration. */
  upgrade: () => Promise<OpenedDatabase>;
  /** Closes whatever is open and removes the copied migrations. */
  dispose: () => Promise<void>;
};

export async function databaseAt(lastTag: string): Promise<UpgradeDatabase> {
  const partial = migrationsUpTo(lastTag);
  const serverUrl = process.env.TEST_DATABASE_URL;
  let config: DatabaseConfig = { databaseUrl: undefined, pgliteDir: "memory://" };
  let open: OpenedDatabase;
  if (serverUrl) {
    const name = fileDatabaseName(inject("testRunId"), `upgrade_${randomBytes(4).toString("hex")}`);
    await onServer(serverUrl, (client) => client.query(`create database "${name}"`));
    config = { databaseUrl: databaseUrlFor(serverUrl, name), pgliteDir: "" };
    await migrateDatabase({ ...config, migrationsFolder: partial });
    // A plain connection: the app's own open refuses a database with migrations pending.
    const pool = new pg.Pool({ connectionString: config.databaseUrl });
    open = { db: drizzle({ client: pool, casing: "snake_case" }) as unknown as Database, driver: "pg", close: () => pool.end() };
  } else {
    open = await openDatabase({ ...config, migrationsFolder: partial });
  }
  const before = open;
  return {
    before,
    upgrade: async () => {
      if (open.driver === "pglite") {
        const { migrate } = await import("drizzle-orm/pglite/migrator");
        await migrate(open.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: join(process.cwd(), "db/migrations") });
        return open;
      }
      await open.close();
      await migrateDatabase(config);
      open = await openDatabase(config);
      return open;
    },
    dispose: async () => {
      await open.close();
      rmSync(partial, { recursive: true, force: true });
    },
  };
}
