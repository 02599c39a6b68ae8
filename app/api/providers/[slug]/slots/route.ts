import { jsonRoute, problem } from "@/lib/http/json-route";
import { slugParam } from "@/lib/http/params";
import { getAvailability } from "@/lib/scheduling/queries";

// Free times are public, but change with every booking: shared caches may keep them only briefly.
const CACHE_CONTROL = "public, s-maxage=10, stale-while-revalidate=30";

export const GET = jsonRoute({ route: "/api/providers/[slug]/slots", params: slugParam, cacheControl: CACHE_CONTROL }, async ({ request, params }) => {
  const search = request.nextUrl.searchParams;
  const result = await getAvailability(params.slug, { from: search.get("from"), to: search.get("to"), type: search.get("type") });
  if (!result.ok) return problem(result.status, result.message, { field: result.field });
  return Response.json({ slots: result.slots });
});
