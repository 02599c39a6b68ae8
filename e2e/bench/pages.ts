import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from "../support/browser";
import { ROOT, assertPortFree, ensureBuild, onInterrupt, runStep, startServer, type RunningServer } from "./support/server";
import { fixed, percentile, printChecks, table, type Check } from "./support/report";

// npm run bench:pages -- [--build] [--fresh] [--runs 3]
//
// Lighthouse scores of the three pages people land on, and each page's first-load JavaScript
// against the framework's own baseline from the same build, on the built app with demo data.

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3201" },
  },
});

const PORT = Number(args.port);
const RUNS = Math.max(1, Number(args.runs));
const PGLITE_DIR = join(ROOT, ".data/bench-pages");
const DEMO_PROFILE = "/providers/dr-maya-chen-md-new-york";
const BASELINE_ROUTE = "/_not-found";
const STATS_FILE = join(ROOT, ".next/diagnostics/route-bundle-stats.json");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const MAX_EXTRA_JS_KB = 15;

type PageScores = { name: string; path: string; scores: Record<Category, number>; runs: number[]; notes: string[] };

// Thrown, not left to chrome-launcher: a missing binary surfaces there as an unhandled 'error'
// event that ends the process before the server is stopped.
function chromePath(): string {
  const playwrights = chromium.executablePath();
  if (existsSync(playwrights)) return playwrights;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(`No Chromium: neither Playwright's (${playwrights}) nor ${DEBIAN_CHROMIUM} is installed.`);
}

/** db/lock.ts's lock file names its holder; a dead holder's lock is taken over when opened. */
function folderInUse(lockPath: string): boolean {
  if (!existsSync(lockPath)) return false;
  try {
    const { pid } = JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number };
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function prepareDatabase(): void {
  if (args.fresh) {
    if (folderInUse(`${PGLITE_DIR}.lock`)) throw new Error(`${PGLITE_DIR} is open in another process; stop it first.`);
    rmSync(PGLITE_DIR, { recursive: true, force: true });
  }
  // Migrate and seed before the server starts, never alongside it: one PGlite folder, one process.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "", PGLITE_DIR, NODE_ENV: "development" };
  runStep("Preparing the demo database", "npx", ["tsx", "--conditions=react-server", "db/cli/setup.ts"], env);
}

/** The seed's fixed demo provider, or whoever the search lists first if the data set differs. */
async function profilePath(origin: string): Promise<string> {
  const demo = await fetch(`${origin}${DEMO_PROFILE}`);
  await demo.arrayBuffer();
  if (demo.ok) return DEMO_PROFILE;
  const response = await fetch(`${origin}/api/providers`);
  const { results } = (await response.json()) as { results: { slug: string }[] };
  if (!results[0]) throw new Error("The demo database lists no provider to profile.");
  return `/providers/${results[0].slug}`;
}

/** Audits that cost points in a category, so a MISS names its cause. */
function losses(lhr: Result, category: Category): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => `${category}: ${audit!.id} (${audit!.displayValue ?? `score ${fixed(audit!.score! * 100, 0)}`})`);
}

async function audit(chrome: LaunchedChrome, origin: string, name: string, path: string): Promise<PageScores> {
  const url = `${origin}${path}`;
  // One plain request first, so Lighthouse measures a warm server rather than its first render.
  await (await fetch(url)).arrayBuffer();
  const runs: Result[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
    runs.push(lhr);
  }
  const score = (lhr: Result, c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  // Performance varies run to run on a busy machine; the median run is Lighthouse's own advice.
  const performanceRuns = runs.map((lhr) => score(lhr, "performance"));
  const median = percentile(performanceRuns, 50);
  const medianRun = runs.find((lhr) => score(lhr, "performance") === median)!;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(medianRun, c)])) as Record<Category, number>;
  const notes = CATEGORIES.filter((c) => scores[c] < TARGETS[c]).flatMap((c) => losses(medianRun, c));
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
    .map((id) => `${id.replace(/-/g, " ")} ${medianRun.audits[id]?.displayValue ?? "?"}`)
    .join(", ");
  notes.unshift(`metrics: ${metrics}`, ...medianRun.runWarnings.map((w) => `warning: ${w}`));
  return { name, path, scores, runs: performanceRuns, notes };
}

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
type RouteSize = { route: string; rawBytes: number; gzipBytes: number; chunks: number };

/** First-load JS per route as the browser downloads it: each chunk file gzipped on its own. */
function routeSizes(): RouteSize[] {
  const stats = JSON.parse(readFileSync(STATS_FILE, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gzipSize = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(ROOT, file))).length);
    return gzipped.get(file)!;
  };
  return stats.map((s) => ({
    route: s.route,
    rawBytes: s.firstLoadChunkPaths.reduce((n, f) => n + statSync(join(ROOT, f)).size, 0),
    gzipBytes: s.firstLoadChunkPaths.reduce((n, f) => n + gzipSize(f), 0),
    chunks: s.firstLoadChunkPaths.length,
  }));
}

const kB = (bytes: number) => fixed(bytes / 1000, 1);

function bundleReport(): Check[] {
  const sizes = routeSizes().sort((a, b) => a.route.localeCompare(b.route));
  const baseline = sizes.find((s) => s.route === BASELINE_ROUTE);
  if (!baseline) throw new Error(`${STATS_FILE} has no ${BASELINE_ROUTE} entry to compare against.`);
  console.log(`\nFirst-load JS per route (kB; gzip level 6 per chunk; baseline ${BASELINE_ROUTE})`);
  console.log(
    table(
      ["route", "chunks", "raw", "gzip", "gzip − baseline"],
      sizes.map((s) => [s.route, String(s.chunks), kB(s.rawBytes), kB(s.gzipBytes), kB(s.gzipBytes - baseline.gzipBytes)]),
    ),
  );
  return sizes
    .filter((s) => s.route !== BASELINE_ROUTE)
    .map((s) => {
      const extra = (s.gzipBytes - baseline.gzipBytes) / 1000;
      return { name: `first-load JS ${s.route}`, pass: extra <= MAX_EXTRA_JS_KB, detail: `+${fixed(extra)} kB gzip over the framework (target ≤ ${MAX_EXTRA_JS_KB})` };
    });
}

function scoreChecks(pages: PageScores[]): Check[] {
  return pages.flatMap((page) =>
    CATEGORIES.map((c) => ({
      name: `${page.name} ${c}`,
      pass: page.scores[c] >= TARGETS[c],
      detail: `${page.scores[c]} (target ${TARGETS[c] === 100 ? "100" : `≥ ${TARGETS[c]}`})`,
    })),
  );
}

async function main(): Promise<number> {
  console.log(`bench:pages: ${cpus().length} CPUs, Node ${process.version}, Lighthouse mobile defaults, median of ${RUNS} run(s)`);
  await assertPortFree(PORT);
  ensureBuild(args.build);
  prepareDatabase();

  let server: RunningServer | undefined;
  let chrome: LaunchedChrome | undefined;
  const pages: PageScores[] = [];
  try {
    const origin = `http://127.0.0.1:${PORT}`;
    server = await startServer({
      port: PORT,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR, SITE_URL: origin, SQL_LOG_FILE: "" },
      readyPath: "/about",
      logFile: ".data/bench-pages-server.log",
    });
    const targets = [
      { name: "home", path: "/" },
      { name: "search", path: "/providers?condition=chronic-migraine&near=10016" },
      { name: "profile", path: await profilePath(origin) },
    ];
    const path = chromePath();
    console.log(`\nChromium: ${path}`);
    chrome = await launch({ chromePath: path, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    const launched = chrome;
    const forgetChrome = onInterrupt(async () => launched.kill());
    for (const target of targets) {
      console.log(`Lighthouse: ${target.name} ${target.path}`);
      pages.push(await audit(chrome, origin, target.name, target.path));
    }
    forgetChrome();
  } finally {
    chrome?.kill();
    await server?.stop();
  }

  console.log(
    "\n" +
      table(
        ["page", "performance", "accessibility", "best practices", "SEO", "perf runs", "path"],
        pages.map((p) => [p.name, ...CATEGORIES.map((c) => String(p.scores[c])), p.runs.join(" "), p.path]),
      ),
  );
  for (const page of pages) {
    console.log(`\n${page.name}:`);
    for (const note of page.notes) console.log(`  ${note}`);
  }

  printChecks([...scoreChecks(pages), ...bundleReport()]);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
