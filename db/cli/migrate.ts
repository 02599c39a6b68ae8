import { env } from "@/lib/env";
import { openDatabase } from "../open";

// Applies pending migrations to the configured database and exits.
const { driver, close } = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
await close();
console.log(`Migrations applied (${driver}).`);
