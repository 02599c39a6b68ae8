/**
 * The provider's profile with its free times starting at `from` for one appointment type: where a
 * patient goes when a treatment was asked for too soon. Safe for client components.
 */
export function timesFromHref(providerSlug: string, typeId: string, from: string): string {
  return `/providers/${encodeURIComponent(providerSlug)}?${new URLSearchParams({ type: typeId, from })}#book-heading`;
}
