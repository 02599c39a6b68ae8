import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./support/test";

// The built server writes one JSON line per request, with the route's pattern, never the path.
// It runs on a server of its own so that its output can be read; an empty embedded database
// migrates itself, and the requests below need no data.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const CANARY = "canary-slug-7f3a";
const EMAIL = "someone%40example.com";

type Line = { level: string; event: string; requestId?: string; route?: string; method?: string; status?: number; durationMs?: number };

let server: ChildProcess;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(".data/request-log", { recursive: true, force: true });
  // Its own process group, so that stopping it stops the server npx started, not only npx.
  server = spawn("npx", ["next", "start", "-p", String(PORT)], { env: { ...process.env, PGLITE_DIR: ".data/request-log", SITE_URL: BASE }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await expect(async () => expect((await fetch(`${BASE}/api/health`)).status).toBe(200)).toPass({ timeout: 90_000 });
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

const requestLines = (): Line[] =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line)
    .filter((line) => line.event === "request");

test("every request is one line: id, route pattern, method, status and duration, without its path or query", async () => {
  const before = requestLines().length;
  // Refused (a ZIP code is expected), so its answer carries the id as well.
  const api = await fetch(`${BASE}/api/providers?page=1&near=${EMAIL}`);
  expect(api.status).toBe(400);
  const requests = [
    await fetch(`${BASE}/about`),
    await fetch(`${BASE}/providers/${CANARY}?email=${EMAIL}`),
    await fetch(`${BASE}/account`, { redirect: "manual" }),
    await fetch(`${BASE}/providers/%C0%AF`),
  ];
  expect(requests.map((r) => r.status)).toEqual([200, 404, 307, 400]);

  await expect.poll(() => requestLines().length - before, { timeout: 10_000 }).toBe(5);
  const lines = requestLines().slice(before);
  const summary = lines.map(({ route, method, status }) => `${method} ${route} ${status}`).sort();
  expect(summary).toEqual(["GET /about 200", "GET /api/providers 400", "GET /providers/[slug] 404", "GET proxy 307", "GET proxy 400"].sort());
  for (const line of lines) {
    expect(line.level).toBe("info");
    expect(line.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
  }
  expect(new Set(lines.map((l) => l.requestId)).size).toBe(5);
  // A JSON route answers with the id its line carries, for a user's report to be found.
  expect(lines.find((l) => l.route === "/api/providers")!.requestId).toBe(api.headers.get("x-request-id"));
  expect(output).not.toContain(CANARY);
  expect(output).not.toContain("example.com");
});
