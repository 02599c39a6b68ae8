// Runs once when a server instance starts, before it answers anything. A serverless platform
// loads the built app without next.config.ts, so the production check is made here as well: a
// function without its secrets fails every request with the missing variables in its log.
export async function register() {
  // NEXT_RUNTIME is replaced at build time (the one read of process.env outside lib/env.ts): it
  // keeps lib/env, which needs Node, out of the edge bundle Next also builds from this file.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertDeployable, env, isBuildPhase } = await import("./lib/env");
  if (isBuildPhase()) return;
  // Before anything else, so that every request is timed and logged as one line.
  (await import("./lib/log/request-log")).startRequestLog();
  assertDeployable();
  // Not fatal (a deployment may have no proxy that sets one), but then sign-in throttles count
  // every client as one address (lib/auth/client-ip.ts), which the operator should know.
  if (env.NODE_ENV === "production" && !env.DEMO_MODE && !env.TRUSTED_PROXY_IP_HEADER) {
    const { log } = await import("./lib/log/logger");
    log.warn("sign_in_clients_not_told_apart", { code: "TRUSTED_PROXY_IP_HEADER_unset" });
  }
  // A server database whose migrations are behind stops the start here, naming `npm run
  // db:migrate`, instead of failing every request; the embedded database migrates itself.
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    const [{ getDb }, { MigrationsPendingError }] = await Promise.all([import("./db/client"), import("./db/open")]);
    try {
      await getDb();
    } catch (error) {
      // Next prints the error, whose message names the command, but would go on answering 500s;
      // like a missing variable, a schema behind the build stops the server. Any other failure
      // (an unreachable database) is retried by the next request.
      if (error instanceof MigrationsPendingError) setTimeout(() => process.exit(1), 200);
      throw error;
    }
  }
}

/**
 * Errors Next caught in a page, route or action: one line through our logger, with the route's
 * pattern and the error's name and code, never the path, its query or the headers.
 */
export async function onRequestError(error: unknown, request: Readonly<{ method: string }>, context: Readonly<{ routePath: string; routeType: string }>) {
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log }, { currentRequestId }] = await Promise.all([import("./lib/log/logger"), import("./lib/log/request-id")]);
  log.error(`${context.routeType}_error`, error, { requestId: currentRequestId(), route: context.routePath, method: request.method });
}
