"use client";

// Sent with every page by the root layout; as a client component the page's React payload names it
// instead of carrying its markup.

import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="container-page py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">This page is not for your account</h1>
      <p className="mt-3 text-slate-700">You are signed in, but your account type cannot open this page.</p>
      <p className="mt-6">
        <Link href="/account">Go to your account</Link>
      </p>
    </div>
  );
}
