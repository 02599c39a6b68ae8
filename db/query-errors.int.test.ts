import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isUniqueViolation } from "./errors";
import { log } from "@/lib/log/logger";
import { DatabaseError } from "./query-errors";

// A failed statement must not carry what the caller sent: not in its message, not in any field a
// logger or Next's error printer would show.
const CANARY = "canary-7f3a9@example.com";

/** Everything written to the console or the process streams while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const keep = (...args: unknown[]) => void written.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "));
  const spies = [
    vi.spyOn(console, "log").mockImplementation(keep),
    vi.spyOn(console, "error").mockImplementation(keep),
    vi.spyOn(console, "warn").mockImplementation(keep),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (keep(String(chunk)), true)),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (keep(String(chunk)), true)),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written.join("\n");
}

// Opening (and migrating) the database is the hook's cost, under its longer limit, not a test's.
beforeAll(async () => {
  await getDb();
});

afterEach(() => vi.restoreAllMocks());

describe("a failed statement", () => {
  it("names no parameter: a value quoted in the driver's own message is gone too", async () => {
    const db = await getDb();
    // Postgres answers 22P02 "invalid input syntax for type uuid: "<the value>"".
    const error = await db
      .select()
      .from(users)
      .where(eq(users.id, CANARY))
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe("22P02");
    expect(inspect(error, { depth: 10 })).not.toContain(CANARY);
    expect(JSON.stringify(error)).not.toContain(CANARY);
    const output = await captureOutput(async () => {
      log.error("unexpected", error, { requestId: "test" });
      console.error(error);
    });
    expect(output).toContain("22P02");
    expect(output).not.toContain(CANARY);
  });

  it("keeps the constraint a caller decides by, without the row it refused", async () => {
    const db = await getDb();
    const values = { email: CANARY, name: "Canary", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$canaryhash", role: "patient" as const };
    await db.insert(users).values(values);
    const error = await db.insert(users).values(values).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const printed = inspect(error, { depth: 10 });
    expect(printed).not.toContain(CANARY);
    expect(printed).not.toContain("canaryhash");
  });

  it("still explains a statement the server could not run, which quotes no value", async () => {
    const db = await getDb();
    const error = await db.execute(sql`select * from no_such_table`).then(() => null, (e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/42P01.*no_such_table/);
  });
});
