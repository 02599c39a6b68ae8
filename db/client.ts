import "server-only";
import type { SQL } from "drizzle-orm";
import { env } from "@/lib/env";
import { openDatabase, type Database } from "./open";

export type { Database } from "./open";

// One connection (or pool) per process, opened on first use: never at import time, so
// `next build` never touches the database, and a page and a route handler share one PGlite.
const globalForDb = globalThis as typeof globalThis & { __reliefDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  globalForDb.__reliefDb ??= openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    sqlLogFile: env.SQL_LOG_FILE,
    driver: env.DATABASE_DRIVER,
    neonWsProxy: env.NEON_WS_PROXY,
    pgliteTemplate: env.PGLITE_TEMPLATE,
  })
    .then((opened) => opened.db)
    .catch((error: unknown) => {
      globalForDb.__reliefDb = undefined;
      throw error;
    });
  return globalForDb.__reliefDb;
}

/**
 * Raw SQL for the few queries the builder cannot express; all three drivers answer `{ rows }`.
 * Pass a transaction to read inside it.
 */
export async function executeRows<T>(query: SQL, reader?: Pick<Database, "execute">): Promise<T[]> {
  const db = reader ?? (await getDb());
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
