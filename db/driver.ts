export type Driver = "pglite" | "neon" | "pg";

/**
 * docs/architecture.md: unset → embedded PGlite; a Neon host → Neon's serverless driver; any other URL → pg.
 * `override` (DATABASE_DRIVER) runs Neon's driver against any server, as `npm run test:neon` does
 * through a local WebSocket proxy.
 */
export function chooseDriver(databaseUrl: string | undefined, override?: "neon" | "pg"): Driver {
  if (!databaseUrl) return "pglite";
  if (override) return override;
  const host = new URL(databaseUrl).hostname;
  return host === "neon.tech" || host.endsWith(".neon.tech") ? "neon" : "pg";
}
