/** The badge every listed provider carries; its shield icon is drawn by `.verified-badge` (app/globals.css). */
export function VerifiedBadge() {
  return <span className="verified-badge">License verified</span>;
}
