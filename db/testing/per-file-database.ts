import { randomBytes } from "node:crypto";
import { DATABASE_PREFIX, TEMPLATE_DATABASE, databaseUrlFor, onServer } from "./server-databases";

// Runs before each integration test file is imported, so lib/env.ts sees the database chosen
// here and getDb() opens it like the app would.
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `${DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`create database "${name}" template "${TEMPLATE_DATABASE}"`));
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
