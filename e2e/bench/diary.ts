import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { ROOT } from "./support/server";
import { fixed, percentile, printChecks, table, type Check } from "./support/report";

// npm run bench:diary -- [--runs 40]
//
// The diary page's read (lib/diary/entries.ts readDiary) on an embedded database holding three
// years of daily entries and monthly scores: the SQL statements each read sends (the target is
// one, however long the diary), and its time for the page's year and for all three years against
// the same read of 30 days, measured in the same run. The page's first-load JavaScript budget
// (+15 kB over the framework) is checked by bench:pages, with every other route.

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "40" } } });
const RUNS = Math.max(5, Number(args.runs));
const DIR = join(ROOT, ".data/bench-diary");
const LOG = join(DIR, "statements.log");
const TODAY = "2026-12-01";
const DAYS = 3 * 365 + 1;

// Before lib/env is loaded: it reads the environment once, at import. A fresh folder each run.
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
process.env.PGLITE_DIR = join(DIR, "db");
process.env.SQL_LOG_FILE = LOG;
const { getDb } = await import("@/db/client");
const { diaryEntries, diaryScores, users } = await import("@/db/schema");
const { readDiary } = await import("@/lib/diary/entries");
const { addDays } = await import("@/lib/ui/time-zone");

const logLines = () => (existsSync(LOG) ? readFileSync(LOG, "utf8").split("\n").filter(Boolean).length : 0);

async function seedPatient(): Promise<{ id: string; role: "patient" }> {
  const db = await getDb();
  const [patient] = await db.insert(users).values({ email: "bench-diary@example.com", name: "Bench Diary", role: "patient", passwordHash: "x" }).returning({ id: users.id });
  const first = addDays(TODAY, -(DAYS - 1));
  const entries = Array.from({ length: DAYS }, (_, i) => {
    const headache = (i * 7) % 10 < 5;
    return { patientId: patient!.id, day: addDays(first, i), headache, migraine: headache && i % 3 === 0, pain: headache ? 1 + (i % 10) : 0, hours: headache ? 2 : 0, acuteMedicine: headache && i % 2 === 0 };
  });
  for (let i = 0; i < entries.length; i += 500) await db.insert(diaryEntries).values(entries.slice(i, i + 500));
  const scores = Array.from({ length: 36 }, (_, i) => ({ patientId: patient!.id, instrument: i % 2 === 0 ? ("MIDAS" as const) : ("HIT-6" as const), day: addDays(first, i * 30), total: i % 2 === 0 ? 20 : 60 }));
  await db.insert(diaryScores).values(scores);
  return { id: patient!.id, role: "patient" };
}

type Range = { name: string; from: string };

async function measure(patient: { id: string; role: "patient" }, range: Range) {
  const times: number[] = [];
  let statements = 0;
  let entries = 0;
  for (let run = 0; run < RUNS; run++) {
    const before = logLines();
    const started = performance.now();
    const diary = await readDiary(patient, { from: range.from, to: TODAY });
    times.push(performance.now() - started);
    statements = Math.max(statements, logLines() - before);
    entries = diary.entries.length;
  }
  return { ...range, entries, statements, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<number> {
  console.log(`bench:diary: ${cpus().length} CPUs, Node ${process.version}, PGlite in this process, ${RUNS} reads per range`);
  const patient = await seedPatient();
  const ranges: Range[] = [
    { name: "30 days (baseline)", from: addDays(TODAY, -29) },
    { name: "1 year (the page)", from: addDays(TODAY, -364) },
    { name: "3 years", from: addDays(TODAY, -(DAYS - 1)) },
  ];
  // A warm-up read of each, so the first range does not pay for PGlite's caches alone.
  for (const r of ranges) await readDiary(patient, { from: r.from, to: TODAY });
  const results = [];
  for (const r of ranges) results.push(await measure(patient, r));
  const baseline = results[0]!;
  console.log(
    table(
      ["read", "entries", "statements", "p50 ms", "p95 ms", "p50 ÷ baseline"],
      results.map((r) => [r.name, String(r.entries), String(r.statements), fixed(r.p50, 2), fixed(r.p95, 2), fixed(r.p50 / baseline.p50, 2)]),
    ),
  );
  const checks: Check[] = results.map((r) => ({ name: `statements per read, ${r.name}`, pass: r.statements === 1, detail: `${r.statements} (target 1)` }));
  printChecks(checks);
  return checks.every((c) => c.pass) ? 0 : 1;
}

process.exitCode = await main();
