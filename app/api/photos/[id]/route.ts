import { jsonRoute, problem } from "@/lib/http/json-route";
import { idParam } from "@/lib/http/params";
import { getPhoto } from "@/lib/listing/photo";

// Each upload gets a new id, so a photo's URL never changes content and caches for a year.
export const GET = jsonRoute({ route: "/api/photos/[id]", params: idParam, cacheControl: "public, max-age=31536000, immutable" }, async ({ params }) => {
  const photo = await getPhoto(params.id);
  if (!photo) return problem(404, "No such photo.");
  return new Response(new Uint8Array(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'" },
  });
});
