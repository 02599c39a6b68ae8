import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// Benchmarks run from the project root (npm scripts do), against that tree's own build.
export const ROOT = process.cwd();
const NEXT_BIN = join(ROOT, "node_modules/next/dist/bin/next");

/** Runs a command to completion with its output shown; throws if it fails. */
export function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n▸ ${label}: ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`${label} failed (${result.signal ?? `exit code ${result.status}`})`);
  }
}

/**
 * Builds the app unless a build is already there. `force` rebuilds: a build left from older
 * sources would measure the old code.
 */
export function ensureBuild(force: boolean): void {
  if (!force && existsSync(join(ROOT, ".next/BUILD_ID"))) {
    console.log("Using the existing build in .next (pass --build to rebuild).");
    return;
  }
  // The build never opens the database (pages read it at request time), so it needs no bench env.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  runStep("Building", process.execPath, [NEXT_BIN, "build"], env);
}

export type RunningServer = { origin: string; startupMs: number; stop: () => Promise<void> };

type Cleanup = () => Promise<void>;
const cleanups = new Set<Cleanup>();
let signalsHooked = false;

/** Runs `cleanup` if the benchmark is interrupted; call the returned function once it ran normally. */
export function onInterrupt(cleanup: Cleanup): () => void {
  hookSignals();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

// Ctrl-C or a kill must still stop the server: a PGlite server left running keeps its folder
// locked, and the next run would be refused.
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\nReceived ${signal}; stopping the load, the server and the browser.`);
      void Promise.allSettled([...cleanups].map((fn) => fn())).then(() => process.exit(130));
    });
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(pgid: number): Promise<void> {
  if (!groupAlive(pgid)) return;
  // SIGTERM lets next-server exit cleanly, which releases the PGlite folder lock.
  process.kill(-pgid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && groupAlive(pgid); waited += 100) await sleep(100);
  if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
}

export type StartOptions = {
  port: number;
  env: NodeJS.ProcessEnv;
  /** A path that answers once the server is ready. */
  readyPath: string;
  /** Where the server's own output goes, so it does not interleave with the report. */
  logFile: string;
};

/**
 * Starts `next start` in a process group of its own and waits until it answers. The returned
 * stop() (also run on Ctrl-C) ends the whole group.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  mkdirSync(join(options.logFile, ".."), { recursive: true });
  const log = openSync(options.logFile, "w");
  const started = performance.now();
  // `next start` runs in production mode, which requires a session-signing secret; a benchmark
  // signs nobody in, so a throwaway one serves when the environment has none.
  const env = { AUTH_SECRET: randomBytes(32).toString("base64url"), ...options.env };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const pgid = child.pid;
  if (pgid === undefined) throw new Error("Could not start next start");
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));

  const forget = onInterrupt(() => stopGroup(pgid));
  const stop: Cleanup = async () => {
    forget();
    await stopGroup(pgid);
  };

  const origin = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilAnswering(`${origin}${options.readyPath}`, () => exited);
  } catch (error) {
    await stop();
    const tail = readFileSync(options.logFile, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`${(error as Error).message}\n--- server output (${options.logFile}) ---\n${tail}`);
  }
  return { origin, startupMs: performance.now() - started, stop };
}

async function waitUntilAnswering(url: string, exitCode: () => number | null | undefined): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exitCode() !== undefined) throw new Error(`The server exited (code ${exitCode()}) before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer ${url} within 120 s`);
}

/** A port already taken (say, by a server a crashed run left behind) would measure the wrong app. */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
  } catch {
    return;
  }
  throw new Error(`Something already answers on port ${port}; stop it or pass --port.`);
}
