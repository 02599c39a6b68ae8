import { env } from "@/lib/env";
import { migrateDatabase } from "../open";

// The deploy step: applies pending migrations as the database owner and exits. The app itself
// only checks them on a server (see openDatabase), so run this before a new version serves.
const driver = await migrateDatabase({
  databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL,
  pgliteDir: env.PGLITE_DIR,
  driver: env.DATABASE_DRIVER,
  neonWsProxy: env.NEON_WS_PROXY,
});
console.log(`Migrations applied (${driver}).`);
