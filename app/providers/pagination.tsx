import Link from "next/link";

/** Previous / next links that keep every filter; `hrefFor(page)` builds each URL. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const prev = page > 1 ? Math.min(page - 1, totalPages) : null;
  const next = page < totalPages ? page + 1 : null;
  const linkClass = "btn-secondary";
  const disabledClass = "inline-flex items-center rounded-lg border border-slate-200 px-4 py-2 font-medium text-slate-500";
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
      {prev !== null ? (
        <Link href={hrefFor(prev)} rel="prev" prefetch={false} className={linkClass}>
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          <span aria-hidden="true">←</span>&nbsp;Previous
        </span>
      )}
      <p className="text-sm text-slate-700">
        Page {Math.min(page, totalPages)} of {totalPages}
      </p>
      {next !== null ? (
        <Link href={hrefFor(next)} rel="next" prefetch={false} className={linkClass}>
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          Next&nbsp;<span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
