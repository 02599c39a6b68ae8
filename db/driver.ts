export type Driver = "pglite" | "neon" | "pg";

/** DESIGN.md: unset → embedded PGlite; a Neon host → Neon's serverless driver; any other URL → pg. */
export function chooseDriver(databaseUrl: string | undefined): Driver {
  if (!databaseUrl) return "pglite";
  const host = new URL(databaseUrl).hostname;
  return host === "neon.tech" || host.endsWith(".neon.tech") ? "neon" : "pg";
}
