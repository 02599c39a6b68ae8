import { openApiDocument } from "@/lib/api/openapi";
import { jsonRoute } from "@/lib/http/json-route";

// The same for everyone and changes only with a deploy: shared caches may keep it.
const CACHE_CONTROL = "public, max-age=300, s-maxage=3600";

// Built on the first request, then kept: the schemas do not change while the server runs.
let document: ReturnType<typeof openApiDocument> | undefined;

/** The public JSON API, described as OpenAPI 3.1 from the routes' zod schemas. */
export const GET = jsonRoute({ route: "/api/openapi.json", cacheControl: CACHE_CONTROL }, async () => Response.json((document ??= openApiDocument())));
