import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../open";
import { createLoginRole, databaseUrlFor, dropRunDatabases, onServer, templateName } from "./server-databases";
import { startWebSocketProxy } from "./ws-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
    /** host:port of the WebSocket proxy when the run goes through Neon's driver. */
    neonWsProxy: string | undefined;
  }
}

// With TEST_DATABASE_URL, migrate one template database on that server; every test file then
// clones it (see per-file-database.ts). Without it, each file uses an in-memory PGlite.
// TEST_DATABASE_DRIVER=neon sends every statement, the migrations' included, through Neon's
// driver and a local WebSocket proxy; TEST_DATABASE_ROLE=<name> makes the tests connect as a
// login role that is only a member of relief_app, as a least-privilege deployment does.
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  project.provide("neonWsProxy", undefined);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const server = new URL(serverUrl);
  const proxy = process.env.TEST_DATABASE_DRIVER === "neon" ? await startWebSocketProxy({ host: server.hostname, port: Number(server.port || 5432) }) : undefined;
  project.provide("neonWsProxy", proxy?.address);

  await onServer(serverUrl, (client) => client.query(`create database "${templateName(runId)}"`));
  await migrateDatabase({
    databaseUrl: databaseUrlFor(serverUrl, templateName(runId)),
    pgliteDir: "",
    driver: proxy ? "neon" : "pg",
    neonWsProxy: proxy?.address,
  });
  const role = process.env.TEST_DATABASE_ROLE;
  if (role) await createLoginRole(serverUrl, role);
  return async () => {
    await dropRunDatabases(serverUrl, runId);
    await proxy?.close();
  };
}
