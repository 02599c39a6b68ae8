import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/open";
import { GET } from "@/app/api/health/route";
import { NextRequest } from "next/server";
import { checkHealth } from "./check";

describe("GET /api/health", () => {
  beforeAll(async () => {
    await getDb();
  }, 120_000);

  it("answers 200 when the database answers and holds every migration of this build", async () => {
    const response = await GET(new NextRequest("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "reachable", schema: "current" });
  });

  it("says the schema is behind on a database nobody migrated", async () => {
    // Started before the probe: a new PGlite takes seconds to boot on a busy machine, and that is
    // not the probe's time to spend.
    const empty = new PGlite();
    await empty.waitReady;
    try {
      expect(await checkHealth(async () => drizzle(empty))).toEqual({ database: "reachable", schema: "behind" });
    } finally {
      await empty.close();
    }
  });

  it("says the database is unreachable when nothing listens", async () => {
    // Port 1 on this machine refuses at once; the pg driver's own error, not ours.
    const open = () => openDatabase({ databaseUrl: "postgres://nobody@127.0.0.1:1/none", pgliteDir: "" }).then((opened) => opened.db);
    expect(await checkHealth(open)).toEqual({ database: "unreachable", schema: "unknown" });
  });
});
