/**
 * How a review's author is shown: first name and last initial ("Pat P."), or "Verified patient"
 * when they asked not to be named. Never the whole name, never anything about the visit.
 */
export function authorLabel(name: string, showName: boolean): string {
  if (!showName) return "Verified patient";
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0];
  if (!first) return "Verified patient";
  // By code point, so a name starting with an emoji or astral letter keeps it whole.
  const initial = parts.length > 1 ? [...parts.at(-1)!][0]!.toUpperCase() : null;
  return initial ? `${first} ${initial}.` : first;
}
