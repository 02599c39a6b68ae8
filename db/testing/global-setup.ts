import { openDatabase } from "../open";
import { TEMPLATE_DATABASE, databaseUrlFor, dropTestDatabases, onServer } from "./server-databases";

// With TEST_DATABASE_URL, migrate one template database on that server; every test file then
// clones it (see per-file-database.ts). Without it, each file uses an in-memory PGlite.
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  await dropTestDatabases(serverUrl, true);
  await onServer(serverUrl, (client) => client.query(`create database "${TEMPLATE_DATABASE}"`));
  const template = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, TEMPLATE_DATABASE), pgliteDir: "" });
  await template.close();
  return () => dropTestDatabases(serverUrl, true);
}
