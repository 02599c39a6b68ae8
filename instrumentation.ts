// Runs once when a server instance starts, before it answers anything. A serverless platform
// loads the built app without next.config.ts, so the production check is made here as well: a
// function without its secrets fails every request with the missing variables in its log.
export async function register() {
  const { assertDeployable, isBuildPhase } = await import("./lib/env");
  if (!isBuildPhase()) assertDeployable();
}
