import { jsonRoute, problem } from "@/lib/http/json-route";
import { slugParam } from "@/lib/http/params";
import { getListedProvider } from "@/lib/providers/queries";

export const GET = jsonRoute({ route: "/api/providers/[slug]", params: slugParam, cacheControl: "public, s-maxage=60, stale-while-revalidate=300" }, async ({ params }) => {
  const profile = await getListedProvider(params.slug);
  if (!profile) return problem(404, "No listed provider has that address.");
  return Response.json(profile);
});
