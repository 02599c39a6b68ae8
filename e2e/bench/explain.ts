import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";

// npx tsx --conditions=react-server e2e/bench/explain.ts [--analyze] ["condition=…&near=…" …]
//
// Prints the plan of the search statement exactly as lib/search builds it (same filters, same
// parameters) against the bench database: PGLITE_DIR=.data/bench by default, or DATABASE_URL.
// With --analyze it runs EXPLAIN (ANALYZE, BUFFERS). Never point it at a folder a server has open.

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { analyze: { type: "boolean", default: false } },
});

// Before lib/env is loaded: it reads the environment once, at import.
process.env.PGLITE_DIR ??= ".data/bench";
const { getDb } = await import("@/db/client");
const { parseSearchFilters, searchProviders } = await import("@/lib/search/queries");

type Execute = (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>;
const db = await getDb();
const execute = (db.execute as unknown as Execute).bind(db);
let plan: string[] = [];
// The search runs its one statement through db.execute; wrapping it there explains that very
// statement instead of running it. Everything else (the catalog) reaches the database unchanged.
(db as unknown as { execute: Execute }).execute = async (query) => {
  const options = args.analyze ? sql.raw("(analyze, buffers, settings)") : sql.raw("(costs, settings)");
  const { rows } = await execute(sql`explain ${options} ${query}`);
  plan = rows.map((row) => String(Object.values(row)[0]));
  return { rows: [] };
};

const searches = positionals.length > 0 ? positionals : ["condition=chronic-migraine&near=10016"];
for (const query of searches) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) {
    console.error(`${query}: ${parsed.error.message}`);
    process.exitCode = 1;
    continue;
  }
  await searchProviders(parsed.filters);
  console.log(`\n=== ${query}\n${plan.join("\n")}`);
}
process.exit();
