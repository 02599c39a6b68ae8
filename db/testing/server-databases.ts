import pg from "pg";

// Integration tests on a PostgreSQL server get a database of their own per test file, cloned
// from a template migrated once per run. Names carry the run's id, so two runs against one
// server (two developers, or CI beside a developer) never drop each other's databases.
const PREFIX = "relief_test_";

export const templateName = (runId: string) => `${PREFIX}${runId}_template`;
export const fileDatabaseName = (runId: string, suffix: string) => `${PREFIX}${runId}_${suffix}`;

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function dropRunDatabases(serverUrl: string, runId: string) {
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${PREFIX}${runId}_%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  });
}

/**
 * A login role that is only a member of relief_app (migration 0014), as the README tells a
 * deployment to make. Roles are cluster-wide, so a concurrent run may be creating it too.
 */
export async function createLoginRole(serverUrl: string, role: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error("TEST_DATABASE_ROLE must be a lower-case SQL identifier");
  await onServer(serverUrl, async (client) => {
    await client.query(`do $$ begin create role "${role}" login nosuperuser nocreatedb nocreaterole inherit; exception when duplicate_object or unique_violation then null; end $$`);
    await client.query(`grant relief_app to "${role}"`);
  });
}
