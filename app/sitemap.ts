import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getCatalog } from "@/lib/catalog/queries";
import { env } from "@/lib/env";
import { listListedProviderSlugs } from "@/lib/providers/queries";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Built per request: listings change as licenses are verified or lapse, and `next build`
  // must never open the database.
  await connection();
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  const [catalog, providers] = await Promise.all([getCatalog(), listListedProviderSlugs()]);
  return [
    { url: url("/"), changeFrequency: "weekly", priority: 1 },
    { url: url("/providers"), changeFrequency: "daily", priority: 0.8 },
    { url: url("/conditions"), changeFrequency: "monthly", priority: 0.7 },
    { url: url("/privacy"), changeFrequency: "yearly", priority: 0.3 },
    ...catalog.conditions.map((c) => ({
      url: url(`/conditions/${encodeURIComponent(c.slug)}`),
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
    ...providers.map((p) => ({
      url: url(`/providers/${encodeURIComponent(p.slug)}`),
      lastModified: p.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
  ];
}
