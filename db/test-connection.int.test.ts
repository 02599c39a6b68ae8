import { Pool as NeonPool } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db/client";

// The least-privilege and Neon runs prove something only if the suite really connects that way.
const role = process.env.TEST_DATABASE_ROLE;
const viaNeon = process.env.TEST_DATABASE_DRIVER === "neon";

describe("the integration suite's own connection", () => {
  it.skipIf(!role)("is the login role given, a member of relief_app with no rights of its own", async () => {
    const [me] = await executeRows<{ user: string; member: boolean; superuser: boolean; createdb: boolean; createrole: boolean }>(sql`
      select current_user as user, pg_has_role(current_user, 'relief_app', 'MEMBER') as member,
             r.rolsuper as superuser, r.rolcreatedb as createdb, r.rolcreaterole as createrole
      from pg_roles r where r.rolname = current_user`);
    expect(me).toEqual({ user: role, member: true, superuser: false, createdb: false, createrole: false });
  });

  it.skipIf(!viaNeon)("goes through Neon's driver over a WebSocket", async () => {
    const db = (await getDb()) as unknown as { $client: unknown };
    expect(db.$client).toBeInstanceOf(NeonPool);
    const [row] = await executeRows<{ n: number }>(sql`select 1 as n`);
    expect(row).toEqual({ n: 1 });
  });
});
