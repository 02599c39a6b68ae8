"use client";

// Sent with every results page for later client-side navigations; as a client component the page's
// React payload names it instead of carrying the skeleton's markup.
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
            <li key={i} className="card flex animate-pulse gap-4 p-5">
              <div className="h-16 w-16 shrink-0 rounded-full bg-slate-200" />
              <div className="flex-1 space-y-3">
                <div className="h-5 w-1/2 rounded bg-slate-200" />
                <div className="h-4 w-1/3 rounded bg-slate-100" />
                <div className="h-4 w-2/3 rounded bg-slate-100" />
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
