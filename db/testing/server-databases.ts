import pg from "pg";

// Integration tests on a PostgreSQL server get a database of their own per test file, cloned
// from a migrated template so each file starts empty without paying for migrations again.
export const TEMPLATE_DATABASE = "relief_test_template";
export const DATABASE_PREFIX = "relief_test_";

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

export async function dropTestDatabases(serverUrl: string, includeTemplate: boolean) {
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      if (datname === TEMPLATE_DATABASE && !includeTemplate) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}
