import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { databaseUrlFor, fileDatabaseName, onServer, templateName } from "./server-databases";

// Runs before each integration test file is imported, so lib/env.ts sees the database chosen
// here and getDb() opens it like the app would (see global-setup.ts for the variables).
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const runId = inject("testRunId");
  const name = fileDatabaseName(runId, randomBytes(6).toString("hex"));
  await onServer(serverUrl, (client) => client.query(`create database "${name}" template "${templateName(runId)}"`));
  const ownerUrl = databaseUrlFor(serverUrl, name);
  // The few tests that stand in for a migration (a table of their own, a TRUNCATE) act as owner.
  process.env.TEST_OWNER_DATABASE_URL = ownerUrl;
  const appUrl = new URL(ownerUrl);
  const role = process.env.TEST_DATABASE_ROLE;
  if (role) {
    appUrl.username = role;
    appUrl.password = "";
  }
  process.env.DATABASE_URL = appUrl.toString();
  const proxy = inject("neonWsProxy");
  if (proxy) {
    process.env.DATABASE_DRIVER = "neon";
    process.env.NEON_WS_PROXY = proxy;
  }
} else {
  delete process.env.DATABASE_URL;
  delete process.env.TEST_OWNER_DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  const template = inject("pgliteTemplate");
  if (template) process.env.PGLITE_TEMPLATE = template;
}
