import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { acquireFolderLock } from "@/db/lock";
import { openDatabase } from "@/db/open";
import { ROOT, assertPortFree, ensureBuild, onInterrupt, runStep, startServer, type RunningServer } from "./support/server";
import { PAGE_SIZE } from "@/lib/search/types";
import { fixed, percentile, printChecks, table, type Check } from "./support/report";

// npm run bench:search -- [--fresh] [--build] [--providers 100000] [--duration 10] [--connections 20]
//   [--database relief_bench] (the database to seed and use when BENCH_DATABASE_URL names a server)
//
// Search latency and throughput on a large data set, as ratios against a static response served by
// the same `next start`: the ratios stay meaningful on a noisy 2-core machine where absolute
// milliseconds do not. Also counts SQL statements per search to catch an N+1 early.

const { values: args } = parseArgs({
  options: {
    fresh: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    providers: { type: "string", default: "100000" },
    port: { type: "string", default: "3200" },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    database: { type: "string", default: "relief_bench" },
  },
});

function wholeNumber(flag: keyof typeof args, min: number): number {
  const n = Number(String(args[flag]).replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${flag} must be a whole number of at least ${min}, got "${args[flag]}".`);
    process.exit(2);
  }
  return n;
}

const PROVIDERS = wholeNumber("providers", 1);
const PORT = wholeNumber("port", 1);
const CONNECTIONS = wholeNumber("connections", 1);
const DURATION_S = wholeNumber("duration", 1);
const WARMUP_S = wholeNumber("warmup", 0);
const SQL_LOG = ".data/bench-sql.log";
const PGLITE_DIR = ".data/bench";
const BENCH_DATABASE = args.database;
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DATABASE)) {
  console.error(`--database must be a plain lower-case name (letters, digits, _), got "${BENCH_DATABASE}".`);
  process.exit(2);
}
// The targets (issue 16): the search page serves at least 6 % of the static file's requests per
// second and sends at most 60 kB of HTML for a page of 20 cards; the search API's p97.5 stays
// within 3× the static file's under the same load; at most two SQL statements per search request
// (docs/architecture.md: one statement per page, no N+1).
const MIN_PAGE_RPS_RATIO = 0.06;
const MAX_PAGE_HTML_BYTES = 60_000;
const MAX_API_P975_RATIO = 3;
const MAX_STATEMENTS = 2;

// What people search for: each condition, the largest metros, and the filters the form offers,
// including one search with no place (a nationwide list).
const SEARCHES = [
  "condition=chronic-migraine&near=10016",
  "condition=cervical-dystonia&near=Austin%2C+TX",
  "condition=tmj-jaw-pain&near=Chicago%2C+IL&insurance=aetna",
  "condition=back-pain&near=Los+Angeles%2C+CA&sort=distance",
  "condition=neck-shoulder-pain&near=10016&maxFee=250",
  "condition=muscle-spasm&near=Houston%2C+TX&telehealth=1",
  "condition=chronic-migraine&near=Seattle%2C+WA&insurance=self-pay&sort=fee",
  "condition=chronic-migraine&near=Chicago%2C+IL&language=es",
  "condition=tmj-jaw-pain&near=Austin%2C+TX&page=2",
  "near=Los+Angeles%2C+CA",
  "condition=cervical-dystonia&near=Boston%2C+MA&radiusMi=50&insurance=medicare",
  "condition=chronic-migraine&insurance=cigna",
  // Soonest availability (issue 15), around a place and nationwide (search_entries_soonest_order_idx).
  "condition=chronic-migraine&near=10016&sort=soonest",
  "condition=neck-shoulder-pain&sort=soonest&availableWithinDays=7",
];
// The same kinds of search, each asked once: each condition around six metros with a fee ceiling
// for every dollar from $150 to $999 (5,100 searches per target, the API's and the page's
// different), so every request misses lib/search's cache of recent results (it keeps 1,000) and
// runs its search in full.
const METROS = ["10016", "Austin%2C+TX", "Chicago%2C+IL", "Los+Angeles%2C+CA", "Houston%2C+TX", "Seattle%2C+WA"];
const CONDITIONS = ["chronic-migraine", "cervical-dystonia", "neck-shoulder-pain", "tmj-jaw-pain", "back-pain", "muscle-spasm"];
const newSearches = (fees: number[], metroShift: number) =>
  fees.flatMap((fee, i) => CONDITIONS.map((condition, j) => `condition=${condition}&near=${METROS[(i + j + metroShift) % METROS.length]}&maxFee=${fee}`));
const FEES = Array.from({ length: 850 }, (_, i) => 150 + i);
const NEW_API_SEARCHES = newSearches(FEES, 0);
const NEW_PAGE_SEARCHES = newSearches(FEES, 3);
// Sort=soonest, each search new: around the metros, and with no place at all (the index's walk).
// Figures to compare with "(API, each search new)"; the targets are the repeated mix's, which
// includes two soonest searches.
const NEW_SOONEST_NEAR = NEW_API_SEARCHES.map((q) => `${q}&sort=soonest`);
const NEW_SOONEST_ANYWHERE = FEES.flatMap((fee) => CONDITIONS.map((condition) => `condition=${condition}&maxFee=${fee}&sort=soonest`));
// Twelve more of each, asked by nothing else, for the statements of a first search.
const FIRST_API_SEARCHES = newSearches([1000, 1001], 0);
const FIRST_PAGE_SEARCHES = newSearches([1000, 1001], 3);
// A file of public/, of a realistic asset's size, served as Next serves every public file: through
// proxy.ts (its matcher takes public files too, so they get the security headers) and from disk.
// No HTML page can be the baseline: each renders per request for its CSP nonce (app/layout.tsx).
const STATIC_FILE = "bench-baseline.txt";
const STATIC_PATH = `/${STATIC_FILE}`;
// An unknown condition fails validation before any query: the same route's cost without the
// database, so a MISS can be split into rendering and querying.
const NO_QUERY = "condition=not-a-condition";
const TARGETS: Target[] = [
  { name: `static ${STATIC_PATH}`, paths: [STATIC_PATH] },
  { name: "search API", paths: SEARCHES.map((q) => `/api/providers?${q}`) },
  { name: "search page", paths: SEARCHES.map((q) => `/providers?${q}`) },
  { name: "(API, each search new)", paths: NEW_API_SEARCHES.map((q) => `/api/providers?${q}`) },
  { name: "(page, each search new)", paths: NEW_PAGE_SEARCHES.map((q) => `/providers?${q}`) },
  { name: "(API, soonest near, each new)", paths: NEW_SOONEST_NEAR.map((q) => `/api/providers?${q}`) },
  { name: "(API, soonest anywhere, each new)", paths: NEW_SOONEST_ANYWHERE.map((q) => `/api/providers?${q}`) },
  { name: "(API, no query: 400)", paths: [`/api/providers?${NO_QUERY}`], expectStatus: 400 },
  { name: "(page, no query)", paths: [`/providers?${NO_QUERY}`] },
];

type BenchDatabase = {
  label: string;
  /** DATABASE_URL and PGLITE_DIR for every child process. */
  env: { DATABASE_URL: string; PGLITE_DIR: string };
  discard: () => Promise<void>;
  prepare: () => Promise<void>;
};

function childEnv(db: BenchDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // An explicit empty DATABASE_URL also keeps a developer's .env.local from pointing `next start`
  // elsewhere: Next never overrides a variable that is already set.
  return { ...process.env, ...db.env, SQL_LOG_FILE: "", ...extra };
}

function pgliteBenchDatabase(): BenchDatabase {
  const dir = join(ROOT, PGLITE_DIR);
  return {
    label: `PGlite folder ${PGLITE_DIR}`,
    env: { DATABASE_URL: "", PGLITE_DIR: dir },
    discard: async () => {
      // Taking the lock first refuses to delete a folder a live server still has open (on a new
      // clone .data does not exist yet, and the lock file lives in it).
      mkdirSync(join(ROOT, ".data"), { recursive: true });
      const release = acquireFolderLock(`${dir}.lock`);
      rmSync(dir, { recursive: true, force: true });
      release();
    },
    prepare: async () => {},
  };
}

function serverBenchDatabase(serverUrl: string): BenchDatabase {
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    label: `database ${BENCH_DATABASE} on ${url.host}`,
    env: { DATABASE_URL: url.toString(), PGLITE_DIR: join(ROOT, PGLITE_DIR) },
    discard: async () => {
      await onServer(`drop database if exists "${BENCH_DATABASE}" with (force)`);
    },
    prepare: async () => {
      const found = await onServer(`select 1 from pg_database where datname = '${BENCH_DATABASE}'`);
      if (found.rowCount === 0) await onServer(`create database "${BENCH_DATABASE}"`);
    },
  };
}

/** Opens the bench database in this process (migrating it), runs one statement, closes it again. */
async function withBenchDb<T>(db: BenchDatabase, run: (execute: (q: SQL) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const opened = await openDatabase({ databaseUrl: db.env.DATABASE_URL || undefined, pgliteDir: db.env.PGLITE_DIR });
  try {
    return await run(async (q) => ((await opened.db.execute(q)) as unknown as { rows: unknown[] }).rows);
  } finally {
    await opened.close();
  }
}

async function ensureSeeded(db: BenchDatabase): Promise<number> {
  if (args.fresh) {
    console.log(`--fresh: discarding ${db.label}.`);
    await db.discard();
  }
  await db.prepare();
  const count = async () =>
    withBenchDb(db, async (execute) => {
      const [row] = (await execute(sql`select count(*)::int as n from providers`)) as { n: number }[];
      return row?.n ?? 0;
    });
  const existing = await count();
  if (existing >= PROVIDERS) {
    console.log(`Reusing ${db.label}: ${existing.toLocaleString("en-US")} providers (pass --fresh to rebuild).`);
  } else {
    const env = childEnv(db, { NODE_ENV: "development" });
    runStep(
      `Seeding ${PROVIDERS.toLocaleString("en-US")} providers into ${db.label}`,
      "npx",
      ["tsx", "--conditions=react-server", "db/cli/seed.ts", "--providers", String(PROVIDERS), "--reset"],
      env,
    );
  }
  // The tables as a running database keeps them: planner statistics, and a visibility map so
  // index-only scans skip the heap. PGlite has no autovacuum at all, and a server's would get to
  // freshly seeded tables at some unknown point of the run. Cheap when nothing changed.
  const started = performance.now();
  await withBenchDb(db, (execute) => execute(sql`vacuum analyze`));
  console.log(`vacuum analyze: ${fixed((performance.now() - started) / 1000)} s`);
  return existing >= PROVIDERS ? existing : count();
}

type Sample = { path: string; status: number; ms: number; total: number | null };

async function get(origin: string, path: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "gzip" } });
  const body = await response.text();
  const ms = performance.now() - started;
  let total: number | null = null;
  if (path.startsWith("/api/") && response.ok) total = (JSON.parse(body) as { total: number }).total;
  return { path, status: response.status, ms, total };
}

function logLines(): number {
  if (!existsSync(SQL_LOG)) return 0;
  const text = readFileSync(SQL_LOG, "utf8");
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Statements one request added to the log; the server appends synchronously, the wait covers stragglers. */
async function statementsFor(origin: string, path: string): Promise<number> {
  const before = logLines();
  await get(origin, path);
  await sleep(300);
  return logLines() - before;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

type LoadResult = { name: string; requests: number; rps: number; p50: number; p95: number; p975: number; p99: number; max: number; failures: number };
type Target = { name: string; paths: string[]; expectStatus?: number };

/**
 * Drives one target with autocannon. Each request takes the next path in turn, so all connections
 * share one round-robin over the searches instead of each starting on the same one.
 */
async function load(origin: string, { name, paths, expectStatus }: Target): Promise<LoadResult> {
  const expected = (status: number) => (expectStatus === undefined ? status >= 200 && status < 300 : status === expectStatus);
  let next = 0;
  const instance = autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 60,
    ...(WARMUP_S > 0 ? { warmup: { connections: CONNECTIONS, duration: WARMUP_S } } : {}),
    headers: { "accept-encoding": "gzip" },
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  // autocannon's histogram is coarse; recording every response gives exact percentiles.
  const latencies: number[] = [];
  let failures = 0;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (expected(status)) latencies.push(ms);
    else failures++;
  });
  // On Ctrl-C the load must stop too: next-server's graceful close waits for busy connections.
  const forget = onInterrupt(async () => instance.stop());
  const result = await instance;
  forget();
  failures += result.errors + result.timeouts;
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p975: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    failures,
  };
}

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  const db = serverUrl ? serverBenchDatabase(serverUrl) : pgliteBenchDatabase();
  console.log(`bench:search: ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), ${fixed(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`);
  await assertPortFree(PORT);
  const providers = await ensureSeeded(db);
  ensureBuild(args.build);

  mkdirSync(join(ROOT, ".data"), { recursive: true });
  writeFileSync(SQL_LOG, "");
  let server: RunningServer | undefined;
  let failures = 0;
  try {
    server = await startServer({
      port: PORT,
      env: childEnv(db, { SQL_LOG_FILE: join(ROOT, SQL_LOG), SITE_URL: `http://127.0.0.1:${PORT}` }),
      readyPath: STATIC_PATH,
      logFile: ".data/bench-search-server.log",
    });
    console.log(`\nServer on ${db.label} answered after ${fixed(server.startupMs / 1000)} s.`);
    await assertStaticBaseline(server.origin);

    // Warm-up: opens the database, fills the catalog cache, compiles the query paths; also checks
    // that every search is valid and finds someone.
    console.log("\nSearches (first request, cold caches):");
    const warm: Sample[] = [];
    for (const query of SEARCHES) {
      const api = await get(server.origin, `/api/providers?${query}`);
      const page = await get(server.origin, `/providers?${query}`);
      warm.push(api, page);
      console.log(`  ${String(api.total ?? "-").padStart(6)} results  api ${api.status} ${fixed(api.ms, 0).padStart(5)} ms  page ${page.status} ${fixed(page.ms, 0).padStart(5)} ms  ${query}`);
    }
    const badWarm = warm.filter((s) => s.status !== 200);
    failures += badWarm.length;
    for (const s of badWarm) console.error(`  ${s.path} answered ${s.status}`);

    // A first search (one nobody asked before), and a search asked again (SEARCHES, after the
    // warm-up above), which the cache of recent results answers once it is confirmed.
    const counts = { api: { first: [] as number[], again: [] as number[] }, page: { first: [] as number[], again: [] as number[] } };
    for (const query of FIRST_API_SEARCHES) counts.api.first.push(await statementsFor(server.origin, `/api/providers?${query}`));
    for (const query of FIRST_PAGE_SEARCHES) counts.page.first.push(await statementsFor(server.origin, `/providers?${query}`));
    for (const query of SEARCHES) {
      counts.api.again.push(await statementsFor(server.origin, `/api/providers?${query}`));
      counts.page.again.push(await statementsFor(server.origin, `/providers?${query}`));
    }
    // The median over the searches (the 60-s catalog cache may refill during one of them), and of
    // a first search and a repeat, the larger.
    const apiStatements = Math.max(median(counts.api.first), median(counts.api.again));
    const pageStatements = Math.max(median(counts.page.first), median(counts.page.again));
    console.log(`\nSQL statements per search request: api=${apiStatements} page=${pageStatements}`);
    for (const when of ["first", "again"] as const) {
      console.log(`  (asked ${when}, api: ${counts.api[when].join(" ")}; page: ${counts.page[when].join(" ")})`);
    }

    console.log(`\nLoad: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up then ${DURATION_S} s per target, ${SEARCHES.length} searches in turn.`);
    const results: LoadResult[] = [];
    for (const target of TARGETS) results.push(await load(server.origin, target));
    const [baseline, api, page] = results as [LoadResult, LoadResult, LoadResult];
    const html = await pageHtmlSizes(server.origin);
    failures += results.reduce((n, r) => n + r.failures, 0);

    console.log(
      "\n" +
        table(
          ["target", "requests", "req/s", "p50 ms", "p95 ms", "p97.5 ms", "p99 ms", "max ms", "p97.5 ÷ static", "req/s ÷ static", "failed"],
          results.map((r) => [
            r.name,
            String(r.requests),
            fixed(r.rps),
            fixed(r.p50),
            fixed(r.p95),
            fixed(r.p975),
            fixed(r.p99),
            fixed(r.max),
            r === baseline ? "1.00" : fixed(r.p975 / baseline.p975, 2),
            r === baseline ? "1.00" : fixed(r.rps / baseline.rps, 2),
            String(r.failures),
          ]),
        ),
    );

    console.log(`\nHTML of the search pages with ${PAGE_SIZE} cards (uncompressed; gzip as sent):`);
    for (const h of html.full) console.log(`  ${fixed(h.bytes / 1000).padStart(6)} kB (${fixed(h.gzipBytes / 1000).padStart(4)} kB gzip)  ${h.query}`);
    const largest = html.full.reduce<HtmlSize | null>((max, h) => (max === null || h.bytes > max.bytes ? h : max), null);
    const pageShare = page.rps / baseline.rps;
    const apiRatio = api.p975 / baseline.p975;
    const checks: Check[] = [
      {
        name: "search page req/s",
        pass: pageShare >= MIN_PAGE_RPS_RATIO,
        detail: `${fixed(pageShare * 100)} % of the static file's (${fixed(page.rps)} vs ${fixed(baseline.rps)}/s; target ≥ ${fixed(MIN_PAGE_RPS_RATIO * 100, 0)} %)`,
      },
      {
        name: `search page HTML, ${PAGE_SIZE} cards`,
        pass: largest !== null && largest.bytes <= MAX_PAGE_HTML_BYTES,
        detail: largest
          ? `${fixed(largest.bytes / 1000)} kB at most over ${html.full.length} pages (target ≤ ${MAX_PAGE_HTML_BYTES / 1000} kB)`
          : `no search gave a page of ${PAGE_SIZE} cards`,
      },
      {
        name: "search API p97.5",
        pass: apiRatio <= MAX_API_P975_RATIO,
        detail: `${fixed(apiRatio, 2)}× the static file's (${fixed(api.p975)} vs ${fixed(baseline.p975)} ms; target ≤ ${MAX_API_P975_RATIO}×)`,
      },
      { name: "statements per API search", pass: apiStatements <= MAX_STATEMENTS, detail: `${apiStatements} (target ≤ ${MAX_STATEMENTS})` },
      { name: "statements per page search", pass: pageStatements <= MAX_STATEMENTS, detail: `${pageStatements} (target ≤ ${MAX_STATEMENTS})` },
    ];
    printChecks(checks);

    writeFileSync(
      ".data/bench-search.json",
      JSON.stringify({ at: new Date().toISOString(), database: db.label, providers, statements: counts, results, html, checks }, null, 2),
    );
  } finally {
    await server?.stop();
  }
  if (failures > 0) console.error(`\n${failures} request(s) failed (non-2xx, error or timeout).`);
  return failures > 0 ? 1 : 0;
}

/** The ratios mean nothing unless the baseline is the file itself, sent as it is on disk. */
async function assertStaticBaseline(origin: string): Promise<void> {
  const onDisk = readFileSync(join(ROOT, "public", STATIC_FILE), "utf8");
  const response = await fetch(`${origin}${STATIC_PATH}`, { headers: { "accept-encoding": "identity" } });
  const body = await response.text();
  if (response.status !== 200 || body !== onDisk) {
    throw new Error(`${STATIC_PATH} is not public/${STATIC_FILE} as built (status ${response.status}); rebuild with --build after adding it.`);
  }
  console.log(`Static baseline ${STATIC_PATH}: ${fixed(onDisk.length / 1000)} kB, ${response.headers.get("content-type")}.`);
}

type HtmlSize = { query: string; bytes: number; gzipBytes: number; cards: number };

/** Each bench search's page as a browser gets it, and the pages that show a full page of cards. */
async function pageHtmlSizes(origin: string): Promise<{ all: HtmlSize[]; full: HtmlSize[] }> {
  const all: HtmlSize[] = [];
  for (const query of SEARCHES) {
    const response = await fetch(`${origin}/providers?${query}`, { headers: { "accept-encoding": "identity" } });
    const html = await response.text();
    // Each result is one <article> inside the results list.
    const cards = html.match(/<li><article\b/g)?.length ?? 0;
    all.push({ query, bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, cards });
  }
  return { all, full: all.filter((h) => h.cards === PAGE_SIZE) };
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
