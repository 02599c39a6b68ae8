import "server-only";
import { env, reloadEnv } from "@/lib/env";
import { migrateDatabase, openDatabase } from "../open";
import { seedDatabase } from "../seed";
import { ensureLocalSecrets } from "./local-secrets";

// Runs before `next dev` and the demo: write missing local secrets, migrate, then seed demo data
// into an empty database only.
const DEMO_PROVIDERS = 300;

// lib/env read .env.local when it loaded; new secrets must be read again before the seed seals
// intakes, or it would use another key than the server that reads them.
if (env.NODE_ENV !== "production" && ensureLocalSecrets()) reloadEnv();
const started = performance.now();
const config = { databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, driver: env.DATABASE_DRIVER, neonWsProxy: env.NEON_WS_PROXY };
// A server is migrated as its owner (MIGRATION_DATABASE_URL when the app's own role has no DDL).
if (env.DATABASE_URL) await migrateDatabase({ ...config, databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL });
const { db, driver, close } = await openDatabase(config);
try {
  if (env.NODE_ENV === "production") {
    console.log(`Migrations applied (${driver}); demo data is never seeded with NODE_ENV=production.`);
  } else {
    const result = await seedDatabase(db, { providers: DEMO_PROVIDERS, today: new Date().toISOString().slice(0, 10) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      result.status === "seeded"
        ? `Database ready (${driver}): seeded ${result.counts.providers} demo providers in ${seconds} s.`
        : `Database ready (${driver}): ${result.existingProviders.toLocaleString("en-US")} providers already present, not seeding.`,
    );
  }
} finally {
  await close();
}
