import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../open";
import { writePgliteTemplate } from "./pglite-template";
import { createLoginRole, databaseUrlFor, dropRunDatabases, onServer, templateName } from "./server-databases";
import { startWebSocketProxy } from "./ws-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
    /** host:port of the WebSocket proxy when the run goes through Neon's driver. */
    neonWsProxy: string | undefined;
    /** The migrated PGlite data folder (.tar) each file's in-memory database starts from. */
    pgliteTemplate: string | undefined;
  }
}

// With TEST_DATABASE_URL, migrate one template database on that server; every test file then
// clones it (see per-file-database.ts). Without it, each file uses an in-memory PGlite that
// starts from one migrated data folder written here.
// TEST_DATABASE_DRIVER=neon sends every statement, the migrations' included, through Neon's
// driver and a local WebSocket proxy; TEST_DATABASE_ROLE=<name> makes the tests connect as a
// login role that is only a member of relief_app, as a least-privilege deployment does.
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  project.provide("neonWsProxy", undefined);
  project.provide("pgliteTemplate", undefined);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = join(tmpdir(), `relief-test-${runId}.tar`);
    await writePgliteTemplate(template);
    project.provide("pgliteTemplate", template);
    return () => rmSync(template, { force: true });
  }
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
