import Link from "next/link";

/** What a dashboard page shows before the provider has saved their listing details. */
export function StartListingFirst({ title, then }: { title: string; then: string }) {
  return (
    <div className="card max-w-xl p-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">Save your listing details first; then {then}.</p>
      <Link href="/provider/listing" className="btn-primary mt-4">
        Start your listing
      </Link>
    </div>
  );
}
