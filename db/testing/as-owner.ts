import { getDb, type Database } from "@/db/client";
import { openDatabase } from "@/db/open";

/**
 * The test file's database as its owner, for the few tests that do what only a migration may (a
 * table of their own, a TRUNCATE). It is the app's own connection unless the run connects as a
 * least-privilege role (TEST_DATABASE_ROLE), which may not.
 */
export async function asOwner<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const ownerUrl = process.env.TEST_OWNER_DATABASE_URL;
  if (!ownerUrl || ownerUrl === process.env.DATABASE_URL) return run(await getDb());
  const owner = await openDatabase({ databaseUrl: ownerUrl, pgliteDir: "" });
  try {
    return await run(owner.db);
  } finally {
    await owner.close();
  }
}
