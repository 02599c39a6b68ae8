import { jsonRoute, problem } from "@/lib/http/json-route";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";

// Search results are public and the same for everyone, so shared caches may keep them briefly.
const CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=300";

export const GET = jsonRoute({ route: "/api/providers", cacheControl: CACHE_CONTROL }, async ({ request }) => {
  const parsed = await parseSearchFilters(request.nextUrl.searchParams);
  if (!parsed.ok) return problem(400, parsed.error.message, { field: parsed.error.field });
  // The route needs no other statement, so a repeated search is confirmed by the cheapest one.
  return Response.json(await searchProviders(parsed.filters, { confirmFirst: true }));
});
