import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

/**
 * Migrates one in-memory PGlite and writes its data folder to `file` (a .tar), for every test
 * file's database to start from (PGLITE_TEMPLATE). Each file otherwise ran initdb and all the
 * migrations itself, a second or two of a two-core run's time per file.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  // The same extensions as db/open.ts loads: the migrations create btree_gist.
  const client = await PGlite.create("memory://", { extensions: { btree_gist } });
  try {
    await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: join(process.cwd(), "db/migrations") });
    const dump = await client.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}
