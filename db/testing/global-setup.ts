import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../open";
import { databaseUrlFor, dropRunDatabases, onServer, templateName } from "./server-databases";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

// With TEST_DATABASE_URL, migrate one template database on that server; every test file then
// clones it (see per-file-database.ts). Without it, each file uses an in-memory PGlite.
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  await onServer(serverUrl, (client) => client.query(`create database "${templateName(runId)}"`));
  const template = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, templateName(runId)), pgliteDir: "" });
  await template.close();
  return () => dropRunDatabases(serverUrl, runId);
}
