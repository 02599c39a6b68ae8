import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { MigrationsPendingError, pendingMigrations } from "@/db/open";

export type Health = {
  database: "reachable" | "unreachable";
  /** "behind": this build has migrations the database has not applied (`npm run db:migrate`). */
  schema: "current" | "behind" | "unknown";
};

// An uptime check gives up long before a hung connection would: answer within this budget.
const BUDGET_MS = 4_000;

/** Whether this instance can serve: the database answers and holds every migration of this build. */
export async function checkHealth(open: () => Promise<Pick<Database, "execute">> = getDb): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve({ database: "unreachable", schema: "unknown" }), BUDGET_MS);
  });
  try {
    return await Promise.race([probe(open), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(open: () => Promise<Pick<Database, "execute">>): Promise<Health> {
  let db: Pick<Database, "execute">;
  try {
    db = await open();
  } catch (error) {
    // A server database behind the build refuses to open (db/open.ts); it did answer, though.
    if (error instanceof MigrationsPendingError) return { database: "reachable", schema: "behind" };
    return { database: "unreachable", schema: "unknown" };
  }
  try {
    await db.execute(sql`select 1`);
  } catch {
    return { database: "unreachable", schema: "unknown" };
  }
  // Opened earlier, the database may since have been rolled back to an older schema, or an older
  // instance may be asked after a newer deploy migrated further (then it is still current for it).
  return { database: "reachable", schema: (await pendingMigrations(db)) > 0 ? "behind" : "current" };
}
