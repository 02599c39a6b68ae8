import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

// The browser tests' server: a fresh embedded database, migrated and seeded first, then the built
// app on it. In sequence, because PGlite must never be open in two processes at once.
const dir = process.env.PGLITE_DIR ?? ".data/e2e";
const port = process.env.PORT ?? "3100";
rmSync(dir, { recursive: true, force: true });
rmSync(`${dir}.lock`, { force: true });
const env = { ...process.env, PGLITE_DIR: dir };
execFileSync("npx", ["tsx", "--conditions=react-server", "db/cli/setup.ts"], { env, stdio: "inherit" });
const server = spawn("npx", ["next", "start", "-p", port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
