import { exportAccount } from "@/lib/account/export";
import { jsonRoute } from "@/lib/http/json-route";

// A download, not a page: the browser saves it under a dated name. Never cached anywhere.
export const GET = jsonRoute({ route: "/api/account/export", auth: ["patient", "provider", "admin"], signedOut: "Sign in to download your data." }, async ({ user }) => {
  const now = new Date();
  return Response.json(await exportAccount(user, now), {
    headers: { "Content-Disposition": `attachment; filename="relief-finder-data-${now.toISOString().slice(0, 10)}.json"`, "Cache-Control": "no-store" },
  });
});
