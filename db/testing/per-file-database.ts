import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { databaseUrlFor, fileDatabaseName, onServer, templateName } from "./server-databases";

// Runs before each integration test file is imported, so lib/env.ts sees the database chosen
// here and getDb() opens it like the app would.
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const runId = inject("testRunId");
  const name = fileDatabaseName(runId, randomBytes(6).toString("hex"));
  await onServer(serverUrl, (client) => client.query(`create database "${name}" template "${templateName(runId)}"`));
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
