"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs for a dashboard; the current page is marked for screen readers as well as by colour. */
export function DashboardNav({ label, links }: { label: string; links: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto print:hidden">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {links.map((link) => {
          const current = link.href === pathname || (link.href !== links[0]?.href && pathname.startsWith(`${link.href}/`));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline ${
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
