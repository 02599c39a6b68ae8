import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import type { SearchResponse } from "@/lib/search/types";

/** Runs the search a query string asks for, as the page and the API do; a query the test got wrong throws. */
export async function searchFor(query: string, options: Parameters<typeof searchProviders>[1] = {}): Promise<SearchResponse> {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${parsed.error.message}`);
  return searchProviders(parsed.filters, options);
}
