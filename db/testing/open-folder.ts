import "server-only";
import { sql } from "drizzle-orm";
import { openDatabase } from "../open";

// A second process for the lock test: opens the PGlite folder given as argv[2], prints how many
// conditions it holds, and exits. Exits 1 with the error message when it cannot open the folder.
try {
  const opened = await openDatabase({ databaseUrl: undefined, pgliteDir: process.argv[2]! });
  const result = (await opened.db.execute(sql`select count(*)::int as n from conditions`)) as unknown as { rows: { n: number }[] };
  console.log(`conditions=${result.rows[0]!.n}`);
  await opened.close();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
