import Link from "next/link";

/**
 * Previous / next links that keep every filter; `hrefFor(page)` builds each URL. When the search
 * stopped counting (`capped`), `totalPages` is only a lower bound and `lastPage` says where it ends.
 */
export function Pagination({
  page,
  totalPages,
  capped = false,
  lastPage = false,
  hrefFor,
}: {
  page: number;
  totalPages: number;
  capped?: boolean;
  lastPage?: boolean;
  hrefFor: (page: number) => string;
}) {
  if (!capped && totalPages <= 1) return null;
  const prev = page > 1 ? (capped ? page - 1 : Math.min(page - 1, totalPages)) : null;
  const next = (capped ? !lastPage : page < totalPages) ? page + 1 : null;
  let position = `Page ${Math.min(page, totalPages)} of ${totalPages}`;
  if (capped) position = page <= totalPages ? `Page ${page} of ${totalPages}+` : `Page ${page}`;
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
        {position}
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
