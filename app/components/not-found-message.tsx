"use client";

import Link from "next/link";

// The root layout sends this with every page (for a later client-side 404); as a client component
// each page's React payload names it instead of carrying its markup.
export function NotFoundMessage() {
  return (
    <div className="container-page py-16">
      <div className="mx-auto max-w-xl text-center">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">We couldn&rsquo;t find that page</h1>
        <p className="mt-4 text-slate-700">
          The link may be out of date, or the provider may no longer be listed. We only list providers while their license
          is verified and current.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Link href="/providers" className="btn-primary">
            Search providers
          </Link>
          <Link href="/conditions" className="btn-secondary">
            Browse conditions
          </Link>
        </div>
      </div>
    </div>
  );
}
