import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MIGRATE_COMMAND, MigrationsPendingError, migrateDatabase, openDatabase, pendingMigrations, type DatabaseConfig } from "./open";
import { databaseUrlFor, onServer } from "./testing/server-databases";

// A server is migrated as a deploy step; the app only checks. These open a database of their own
// beside the test file's, as a production server would open a database nobody migrated.
const serverUrl = process.env.TEST_DATABASE_URL;
const viaNeon = process.env.DATABASE_DRIVER === "neon" ? { driver: "neon" as const, neonWsProxy: process.env.NEON_WS_PROXY } : {};

async function withEmptyServerDatabase(run: (config: DatabaseConfig) => Promise<void>) {
  const name = `relief_test_empty_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl!, (client) => client.query(`create database "${name}"`));
  try {
    await run({ databaseUrl: databaseUrlFor(serverUrl!, name), pgliteDir: "", ...viaNeon });
  } finally {
    await onServer(serverUrl!, (client) => client.query(`drop database if exists "${name}" with (force)`));
  }
}

/** This build's migrations without the newest: what the previous release would have applied. */
function previousReleaseMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), "relief-migrations-"));
  cpSync("db/migrations", folder, { recursive: true });
  const journalFile = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  return folder;
}

describe.skipIf(!serverUrl)("a server database behind the build", () => {
  it("is refused on open, with the command that fixes it, until it is migrated", async () => {
    await withEmptyServerDatabase(async (config) => {
      const refusal = openDatabase(config);
      await expect(refusal).rejects.toBeInstanceOf(MigrationsPendingError);
      await expect(refusal).rejects.toThrow(`run \`${MIGRATE_COMMAND}\``);

      // Migrated by the release before this one, as after a deploy whose migrate step failed.
      await migrateDatabase({ ...config, migrationsFolder: previousReleaseMigrations() });
      await expect(openDatabase(config)).rejects.toThrow(/1 migration behind/);

      await migrateDatabase(config);
      const current = await openDatabase(config);
      expect(await pendingMigrations(current.db)).toBe(0);
      await current.close();
    });
  });

  it("is migrated by one of several deploys at once, and the others find nothing to do", async () => {
    await withEmptyServerDatabase(async (config) => {
      await Promise.all([migrateDatabase(config), migrateDatabase(config), migrateDatabase(config)]);
      const opened = await openDatabase(config);
      const rows = (await opened.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
      expect(rows.rows[0]!.n).toBeGreaterThan(10);
      expect(await pendingMigrations(opened.db)).toBe(0);
      await opened.close();
    });
  });
});

describe("the embedded database", () => {
  it("still migrates itself on open", async () => {
    const opened = await openDatabase({ databaseUrl: undefined, pgliteDir: "memory://" });
    expect(await pendingMigrations(opened.db)).toBe(0);
    await opened.close();
  });
});
