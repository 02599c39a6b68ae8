/**
 * A rating as five stars, read out as words ("Rated 4.5 out of 5"): the stars themselves are
 * hidden from screen readers, which would otherwise read five symbols.
 */
export function Stars({ value, className = "" }: { value: number; className?: string }) {
  const full = Math.round(value);
  return (
    <span className={`inline-flex items-center gap-1 ${className}`}>
      <span aria-hidden="true" className="tracking-tight text-amber-700">
        {"★".repeat(full)}
        <span className="text-slate-500">{"☆".repeat(5 - full)}</span>
      </span>
      <span className="sr-only">{`Rated ${value} out of 5`}</span>
    </span>
  );
}

/** "4.6 · 12 verified reviews", or null while there are none. */
export function ratingSummary(rating: { average: number | null; count: number }): string | null {
  if (rating.count === 0 || rating.average === null) return null;
  return `${rating.average.toFixed(1)} · ${rating.count} verified ${rating.count === 1 ? "review" : "reviews"}`;
}
