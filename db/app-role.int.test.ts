import { sql, type SQL } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db/client";

// The app's role (migration 0014) may read and write the app's tables, only append to the audit
// log, and change no schema. Each statement runs as relief_app inside a transaction that is then
// rolled back, so what is allowed leaves nothing behind.
const INSUFFICIENT_PRIVILEGE = "42501";

class Allowed extends Error {}

async function asApp(statement: SQL): Promise<"allowed"> {
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local role relief_app`);
      await tx.execute(statement);
      throw new Allowed();
    });
  } catch (error) {
    if (error instanceof Allowed || error instanceof TransactionRollbackError) return "allowed";
    throw error;
  }
  throw new Error("unreachable: the transaction always ends by throwing");
}

const refused = { code: INSUFFICIENT_PRIVILEGE };

describe("relief_app, the role the app connects as", () => {
  // Opening (and migrating) the database is the hook's cost, under its longer limit, not a test's.
  beforeAll(async () => {
    await getDb();
  });

  it("reads and appends to the audit log but cannot rewrite, delete or truncate it", async () => {
    await expect(asApp(sql`select count(*) from audit_events`)).resolves.toBe("allowed");
    await expect(asApp(sql`insert into audit_events (action, subject_type, subject_id) values ('test.appended', 'test', 'x')`)).resolves.toBe("allowed");
    await expect(asApp(sql`update audit_events set action = 'rewritten'`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`delete from audit_events`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`truncate audit_events`)).rejects.toMatchObject(refused);
  });

  it("changes no schema: no table, no index, no dropped table, no new schema", async () => {
    await expect(asApp(sql`create table app_made (n int)`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`create index users_status_again on users (status)`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`alter table users add column nickname text`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`drop table bookings`)).rejects.toMatchObject(refused);
    await expect(asApp(sql`create schema app_made`)).rejects.toMatchObject(refused);
  });

  it("may select, insert, update and delete every other table, use every sequence, truncate none", async () => {
    const tables = await executeRows<{ name: string; dml: boolean; truncate: boolean; audit_rewrite: boolean }>(sql`
      select c.relname as name,
             has_table_privilege('relief_app', c.oid, 'SELECT') and has_table_privilege('relief_app', c.oid, 'INSERT')
               and has_table_privilege('relief_app', c.oid, 'UPDATE') and has_table_privilege('relief_app', c.oid, 'DELETE') as dml,
             has_table_privilege('relief_app', c.oid, 'TRUNCATE') as truncate,
             has_table_privilege('relief_app', c.oid, 'UPDATE') or has_table_privilege('relief_app', c.oid, 'DELETE') as audit_rewrite
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => t.name !== "audit_events" && !t.dml).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.truncate).map((t) => t.name)).toEqual([]);
    expect(tables.find((t) => t.name === "audit_events")).toMatchObject({ audit_rewrite: false });

    // Materialized, so the privilege is asked only of sequences (it errors on any other relation).
    const sequences = await executeRows<{ name: string }>(sql`
      with s as materialized (
        select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S'
      )
      select relname as name from s where not has_sequence_privilege('relief_app', oid, 'USAGE')`);
    expect(sequences).toEqual([]);
  });

  it("reads the migration record, which is how a server knows it may serve", async () => {
    await expect(asApp(sql`select max(created_at) from drizzle.__drizzle_migrations`)).resolves.toBe("allowed");
    await expect(asApp(sql`delete from drizzle.__drizzle_migrations`)).rejects.toMatchObject(refused);
  });

  it("is granted a table a later migration creates, with no grant written in it", async () => {
    const [owner] = await executeRows<{ owns: boolean }>(sql`select has_schema_privilege(current_user, 'public', 'CREATE') as owns`);
    // Only the migrating owner can create a table; the least-privilege run connects without that.
    if (!owner!.owns) return;
    const db = await getDb();
    let granted: unknown;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`create table later_migration (id int primary key)`);
        const result = (await tx.execute(sql`
          select bool_and(has_table_privilege('relief_app', 'later_migration', p)) as granted
          from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p`)) as unknown as { rows: { granted: boolean }[] };
        granted = result.rows[0]?.granted;
        tx.rollback();
      }),
    ).rejects.toBeInstanceOf(TransactionRollbackError);
    expect(granted).toBe(true);
  });
});
