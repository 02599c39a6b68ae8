import { NextResponse, type NextRequest } from "next/server";
import { getAvailability } from "@/lib/scheduling/queries";

// Free times are public, but change with every booking: shared caches may keep them only briefly.
const CACHE_CONTROL = "public, s-maxage=10, stale-while-revalidate=30";

export async function GET(request: NextRequest, { params }: RouteContext<"/api/providers/[slug]/slots">) {
  const { slug } = await params;
  const search = request.nextUrl.searchParams;
  const result = await getAvailability(slug, { from: search.get("from"), to: search.get("to"), type: search.get("type") });
  if (!result.ok) return NextResponse.json({ error: { message: result.message, ...(result.field ? { field: result.field } : {}) } }, { status: result.status });
  return NextResponse.json({ slots: result.slots }, { headers: { "Cache-Control": CACHE_CONTROL } });
}
