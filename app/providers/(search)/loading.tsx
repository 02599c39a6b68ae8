"use client";

// Streamed first in every results page's HTML and sent again in its React payload for later
// client-side navigations; as a client component the payload only names it. Its placeholder cards
// are styled by `.skeleton-card` (app/globals.css), so the HTML does not repeat their utilities.
export default function ProvidersLoading() {
  return (
    <div className="container-page py-8 sm:py-10" aria-busy="true">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Find a licensed provider</h1>
      <p role="status" className="mt-2 text-slate-700">
        Loading providers…
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="card hidden h-96 animate-pulse bg-slate-50 lg:block" />
        <ul className="space-y-4" aria-hidden="true">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="skeleton-card">
              <span />
              <div>
                <span />
                <span className="w-1/3" />
                <span className="w-2/3" />
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
