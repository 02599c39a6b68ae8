import { NextResponse } from "next/server";
import { getListedProvider } from "@/lib/providers/queries";

export async function GET(_request: Request, { params }: RouteContext<"/api/providers/[slug]">) {
  const { slug } = await params;
  const profile = slug.length <= 200 ? await getListedProvider(slug) : null;
  if (!profile) return NextResponse.json({ error: { message: "No listed provider has that address." } }, { status: 404 });
  return NextResponse.json(profile, { headers: { "Cache-Control": "public, s-maxage=60, stale-while-revalidate=300" } });
}
