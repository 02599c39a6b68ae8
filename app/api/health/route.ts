import { checkHealth } from "@/lib/health/check";
import { jsonRoute } from "@/lib/http/json-route";

// For uptime checks: 200 when this instance can serve, 503 (with what is wrong) when it cannot.
// Says nothing a visitor could not learn by loading a page: no versions, counts or hosts.
export const GET = jsonRoute({ route: "/api/health", cacheControl: "no-store" }, async () => {
  const health = await checkHealth();
  const ok = health.database === "reachable" && health.schema === "current";
  return Response.json({ status: ok ? "ok" : "unavailable", ...health }, { status: ok ? 200 : 503 });
});
