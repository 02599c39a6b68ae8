import type { Metadata } from "next";
import Link from "next/link";

// Plain content with no request data and no database read. It still renders per request, like
// every page, for its scripts' CSP nonce (app/layout.tsx).
export const metadata: Metadata = {
  title: "How Relief Finder verifies providers",
  description:
    "Every provider listed on Relief Finder holds a verified NPI and a verified, unexpired license in the state where they treat you. Here is how we check.",
  alternates: { canonical: "/about" },
};

export default function AboutPage() {
  return (
    <article className="container-page max-w-3xl py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">How Relief Finder verifies providers</h1>
      <p className="mt-3 text-lg text-slate-700">
        Botox injections for pain should come from someone licensed to give them where you live. We list a provider only while
        we can show that they are, and we check it every time you search.
      </p>

      <Rule heading="1. A verified National Provider Identifier">
        <p>
          Every provider in the United States who bills for care has a National Provider Identifier (NPI): ten digits, the last
          of which is a check digit. We reject a number whose check digit does not match (the Luhn formula over the prefix
          80840 and the first nine digits, as the federal standard defines it), so a typing mistake can never pass. Then one of
          our reviewers looks the number up in the national NPI registry and confirms it belongs to this provider.
        </p>
      </Rule>

      <Rule heading="2. A verified, unexpired license in your state">
        <p>
          A medical, dental or nursing license is issued by a state, and it only counts in that state. For every office a
          provider lists, they must hold a license from the state that office is in, we must have verified it, and it must not
          have expired. A provider licensed in New York with a second office across the river in New Jersey is shown for the
          New York office only, until they hold a verified New Jersey license too.
        </p>
      </Rule>

      <Rule heading="3. Checked when you search, not once a year">
        <p>
          Expiry dates are compared with today&rsquo;s date each time results are shown or a booking is made. A license that
          lapses at midnight stops counting that day: there is no batch job to wait for, and no window where an expired
          license still shows up in results.
        </p>
      </Rule>

      <Rule heading="4. Checked against the state board's own records">
        <p>
          Providers submit their license numbers; they cannot verify themselves. Our administrators look each license up in
          the issuing state board&rsquo;s official online records, note the source they checked and the date, and only then
          approve it. A license that does not match is rejected with a reason the provider can act on. Every decision is kept
          in an audit log.
        </p>
      </Rule>

      <Rule heading="What verification does not mean">
        <p>
          A verified license tells you a provider may practise in your state. It does not mean that treatment is right for
          you: Botox does not cure pain, insurance often does not cover it, and a licensed provider should evaluate you before
          any treatment.
        </p>
      </Rule>

      <p className="mt-10">
        <Link href="/providers" className="btn-primary">
          Find a licensed provider
        </Link>
      </p>
    </article>
  );
}

function Rule({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-semibold text-slate-900">{heading}</h2>
      <div className="mt-2 space-y-3 text-slate-700">{children}</div>
    </section>
  );
}
