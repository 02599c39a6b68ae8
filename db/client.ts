import "server-only";
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
  })
    .then((opened) => opened.db)
    .catch((error: unknown) => {
      globalForDb.__reliefDb = undefined;
      throw error;
    });
  return globalForDb.__reliefDb;
}
