import { NextResponse, type NextRequest } from "next/server";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";

// Search results are public and the same for everyone, so shared caches may keep them briefly.
const CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=300";

export async function GET(request: NextRequest) {
  const parsed = await parseSearchFilters(request.nextUrl.searchParams);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  // The route needs no other statement, so a repeated search is confirmed by the cheapest one.
  const response = await searchProviders(parsed.filters, { confirmFirst: true });
  return NextResponse.json(response, { headers: { "Cache-Control": CACHE_CONTROL } });
}
