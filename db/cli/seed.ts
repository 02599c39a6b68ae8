import "server-only";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { openDatabase } from "../open";
import { seedDatabase } from "../seed";
import { DEMO_SEED } from "../seed/generate";

// npm run seed -- [--providers 300] [--seed 20260101] [--reset]
const { values } = parseArgs({
  options: {
    providers: { type: "string", default: "300" },
    seed: { type: "string", default: String(DEMO_SEED) },
    reset: { type: "boolean", default: false },
  },
});

function wholeNumber(flag: string, text: string, max: number): number {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`--${flag} must be a whole number from 0 to ${max.toLocaleString("en-US")}, got "${text}".`);
    process.exit(2);
  }
  return n;
}

// License numbers are unique per state only below a million providers (see generate.ts).
const total = wholeNumber("providers", values.providers, 1_000_000);
const seed = wholeNumber("seed", values.seed, 2 ** 31 - 1);
const today = new Date().toISOString().slice(0, 10);

const started = performance.now();
const { db, driver, close } = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  console.log(`Seeding ${total.toLocaleString("en-US")} providers into ${driver} (seed ${seed}, today ${today})${values.reset ? ", replacing existing providers" : ""}.`);
  let reported = 0;
  const result = await seedDatabase(db, {
    providers: total,
    today,
    seed,
    reset: values.reset,
    onProgress: ({ inserted }) => {
      // Roughly every tenth, so a log stays short however large the run.
      if (inserted - reported < total / 10 && inserted < total) return;
      reported = inserted;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`  ${inserted.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} providers (${seconds} s)`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === "skipped") {
    console.log(
      `The database already has ${result.existingProviders.toLocaleString("en-US")} providers; nothing seeded ` +
        "(conditions and carriers were updated). Run `npm run seed -- --reset` to replace them.",
    );
  } else {
    if (result.deletedProviders > 0) console.log(`Deleted ${result.deletedProviders.toLocaleString("en-US")} existing providers first.`);
    const rows = Object.entries(result.counts).map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`);
    console.log(`Done in ${seconds} s: ${rows.join(", ")}.`);
  }
} finally {
  await close();
}
