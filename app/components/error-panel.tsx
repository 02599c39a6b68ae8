"use client";

import Link from "next/link";
import { useEffect } from "react";

/** What error boundaries show: an apology, a retry and a way out. Details stay in the server log. */
export function ErrorPanel({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div className="container-page py-16">
      <div className="card mx-auto max-w-xl p-8 text-center" role="alert">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        <p className="mt-3 text-slate-700">
          Something went wrong on our side. Please try again in a moment.
        </p>
        {digest ? <p className="mt-2 text-xs text-slate-600">Reference: {digest}</p> : null}
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <button type="button" onClick={() => retry()} className="btn-primary">
            Try again
          </button>
          <Link href="/" className="btn-secondary">
            Go to the home page
          </Link>
        </div>
      </div>
    </div>
  );
}
