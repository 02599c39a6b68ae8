"use client";

// A client component with no props: every page's React payload then names it instead of carrying
// its markup beside the HTML (its code is in the shared bundle, cached once).

import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50 print:hidden">
      <div className="container-page flex flex-col gap-4 py-8 text-sm text-slate-700 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-prose">
          Relief Finder lists only providers whose licenses we have verified. Information here is not medical advice.
        </p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link href="/providers">Find a provider</Link>
            </li>
            <li>
              <Link href="/conditions">Conditions</Link>
            </li>
            <li>
              <Link href="/about">How we verify providers</Link>
            </li>
            <li>
              <Link href="/privacy">Privacy</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
