"use client";

// A client component with no props: every page's React payload then names it instead of carrying
// its markup beside the HTML (its code is in the shared bundle, cached once).

import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900 no-underline hover:text-brand-800">
          <LogoMark />
          Relief Finder
        </Link>
        <nav aria-label="Main">
          <ul className="-ml-3 flex items-center gap-1 text-sm font-medium sm:ml-0 sm:gap-2">
            <li>
              <Link href="/providers" className="rounded-md px-3 py-2 text-slate-700 no-underline hover:bg-slate-100 hover:text-slate-900">
                Find a provider
              </Link>
            </li>
            <li>
              <Link href="/conditions" className="rounded-md px-3 py-2 text-slate-700 no-underline hover:bg-slate-100 hover:text-slate-900">
                Conditions
              </Link>
            </li>
            <li>
              {/* A plain link keeps every public page static; /account knows who is signed in. */}
              <Link href="/account" className="rounded-md px-3 py-2 text-slate-700 no-underline hover:bg-slate-100 hover:text-slate-900">
                Account
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function LogoMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-brand-700" fill="none">
      <rect width="24" height="24" rx="7" fill="currentColor" />
      <path d="M12 6v12M6 12h12" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
