import Link from "next/link";
import { connection } from "next/server";
import { getCatalog } from "@/lib/catalog/queries";
import { NearField, SelectField } from "./components/form-fields";

export default async function HomePage() {
  await connection();
  const { conditions } = await getCatalog();

  return (
    <>
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
        <div className="container-page grid gap-10 py-12 sm:py-16 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-center">
          <div>
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl lg:text-5xl">
              Find a licensed provider who treats chronic pain with Botox
            </h1>
            <p className="mt-5 max-w-xl text-lg text-slate-700">
              Migraine, neck, jaw and back pain: compare providers near you by experience, price and insurance, and know
              their license has been checked.
            </p>
          </div>
          <div className="card p-5 shadow-md sm:p-6">
            <h2 className="text-lg font-semibold text-slate-900">Search providers</h2>
            <form action="/providers" method="get" className="mt-4 space-y-4">
              <SelectField
                name="condition"
                label="Condition"
                value=""
                error={null}
                options={[{ value: "", label: "All conditions" }, ...conditions.map((c) => ({ value: c.slug, label: c.name }))]}
              />
              <NearField value="" error={null} />
              <button type="submit" className="btn-primary w-full">
                Find providers
              </button>
            </form>
          </div>
        </div>
      </section>

      <section aria-labelledby="conditions-heading" className="container-page py-12 sm:py-16">
        <h2 id="conditions-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          Conditions treated
        </h2>
        <p className="mt-2 max-w-2xl text-slate-700">
          Learn how treatment works, what it costs and what to expect before you book.
        </p>
        <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {conditions.map((c) => (
            <li key={c.slug}>
              <Link
                href={`/conditions/${encodeURIComponent(c.slug)}`}
                className="card flex h-full items-center justify-between gap-3 px-5 py-4 font-medium text-slate-900 no-underline hover:border-brand-600 hover:text-brand-800"
              >
                {c.name}
                <span aria-hidden="true" className="text-brand-700">
                  →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="trust-heading" className="border-y border-slate-200 bg-slate-50">
        <div className="container-page py-12 sm:py-16">
          <h2 id="trust-heading" className="text-2xl font-bold tracking-tight text-slate-900">
            Why you can trust these listings
          </h2>
          <ul className="mt-8 grid gap-6 md:grid-cols-3">
            <TrustPoint title="Every license is verified">
              We check each provider&rsquo;s NPI and state license before they are listed, and a listing disappears the day
              a license expires.
            </TrustPoint>
            <TrustPoint title="Prices shown up front">
              Consultation fees, price per unit, deposits and cancellation policies are on every profile, with a plain
              estimate of what a typical treatment costs.
            </TrustPoint>
            <TrustPoint title="Honest about insurance">
              Insurance often does not cover Botox for pain. We show which plans a provider accepts and who offers
              self-pay, so there are no surprises.
            </TrustPoint>
          </ul>
        </div>
      </section>
    </>
  );
}

function TrustPoint({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <li className="card p-6">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <p className="mt-2 text-slate-700">{children}</p>
    </li>
  );
}
