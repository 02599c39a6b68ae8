import "server-only";
import { LRUCache } from "lru-cache";
import type { SearchFilters, SearchResponse } from "./types";

/**
 * Recent search results of this process, each with the search generation it was read at
 * (db/schema.ts `searchGeneration`). A cached result is only ever used once the generation, read
 * from the database for this very request, is found unchanged (lib/search/queries.ts), so it is
 * exactly what the search statement would have answered: a suspension, a license decision or a listing edit takes
 * effect on the next search, from any process or server that wrote it. Popular searches (a
 * condition near a large city) repeat far more often than listings change, and a repeat then
 * costs one read of one row instead of the search.
 *
 * Treat a returned response as read-only: the next request for the same search gets the same
 * object.
 */
export type CachedSearch = {
  generation: string;
  response: SearchResponse;
  /** The providers of the response's cards, whose next openings it shows. */
  providerIds: string[];
};

// A page of 20 cards is a few kilobytes, so this holds a few megabytes at most.
const MAX_ENTRIES = 1000;

const recent = new LRUCache<string, CachedSearch>({ max: MAX_ENTRIES });

/**
 * Everything that changes a search's rows, and nothing else: the text typed for the place only
 * labels it, and the radius matters only around a place. The trust rule compares licenses with
 * `today`, so a new day is a new search.
 */
export function searchKey(filters: SearchFilters, today: string): string {
  const { condition, near, radiusMi, insurance, maxFeeDollars, telehealth, language, gender, availableWithinDays, sort, page } = filters;
  const place = near ? [near.latitude, near.longitude, radiusMi] : null;
  return JSON.stringify([today, condition, place, insurance, maxFeeDollars, telehealth, language, gender, availableWithinDays, sort, page]);
}

export function recentSearch(key: string): CachedSearch | undefined {
  return recent.get(key);
}

export function rememberSearch(key: string, search: CachedSearch): void {
  recent.set(key, search);
}
