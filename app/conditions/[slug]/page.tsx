import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getCatalog, getConditionBySlug } from "@/lib/catalog/queries";
import { filtersToQuery } from "@/lib/search/filters";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import { NearField } from "../../components/form-fields";
import { ProviderCardList } from "../../providers/provider-card";
import { midSentence, pluralizeCapped } from "@/lib/ui/format";
import { providerCardView } from "@/lib/ui/provider-card-view";
import { widerRadius } from "@/lib/ui/search-summary";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NEAREST_COUNT = 5;
const getCondition = cache((slug: string) => getConditionBySlug(slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const condition = await getCondition(slug);
  if (!condition) return { title: "Condition not found" };
  return {
    title: `Botox for ${midSentence(condition.name)}`,
    description: condition.summary,
    alternates: { canonical: `/conditions/${encodeURIComponent(condition.slug)}` },
    openGraph: { title: `Botox for ${midSentence(condition.name)}`, description: condition.summary },
  };
}

export default async function ConditionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const condition = await getCondition(slug);
  if (!condition) notFound();

  return (
    <div className="container-page py-8 sm:py-10">
      <p className="text-sm">
        <Link href="/conditions">
          <span aria-hidden="true">←</span> All conditions
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900 sm:text-4xl">Botox for {midSentence(condition.name)}</h1>
      <p className="mt-4 max-w-3xl text-lg text-slate-700">{condition.summary}</p>
      <p className="mt-4 lg:hidden">
        <a href="#nearby" className="font-semibold">
          Find providers who treat it <span aria-hidden="true">↓</span>
        </a>
      </p>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="max-w-prose space-y-8">
          <ContentSection id="how" title="How the treatment works" text={condition.howItWorks} />
          <ContentSection id="side-effects" title="Usual side effects" text={condition.sideEffects} />
          <ContentSection id="expectations" title="What to expect" text={condition.expectations}>
            <p className="mt-3 rounded-lg border-l-4 border-brand-600 bg-brand-50 px-4 py-3 text-slate-800">
              Botox can make pain less frequent or less severe for a few months at a time. It does not cure pain or its
              cause, and it does not help everyone.
            </p>
          </ContentSection>
          <ContentSection id="insurance" title="Insurance and cost" text={condition.insuranceNote}>
            <p className="mt-3 text-slate-800">
              A typical treatment uses about {condition.typicalUnitsLow}–{condition.typicalUnitsHigh} units. Each provider&rsquo;s
              profile shows their price per unit and an estimate for a treatment.
            </p>
          </ContentSection>
          <ContentSection id="evaluation" title="Why an evaluation comes first" text={condition.evaluationNote} />
        </div>
        <NearestProviders slug={condition.slug} conditionName={condition.name} query={query} />
      </div>
    </div>
  );
}

function ContentSection({ id, title, text, children }: { id: string; title: string; text: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <div className="prose-plain mt-3 text-slate-800">
        {text
          .split(/\n\s*\n/)
          .filter((p) => p.trim() !== "")
          .map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
      </div>
      {children}
    </section>
  );
}

async function NearestProviders({
  slug,
  conditionName,
  query,
}: {
  slug: string;
  conditionName: string;
  query: Record<string, string | string[] | undefined>;
}) {
  const near = typeof query.near === "string" ? query.near : Array.isArray(query.near) ? query.near[0] : undefined;
  const parsed = await parseSearchFilters({ condition: slug, near, sort: near?.trim() ? "distance" : "match" });
  const [response, catalog] = await Promise.all([parsed.ok ? searchProviders(parsed.filters) : null, getCatalog()]);
  const conditionNames = new Map(catalog.conditions.map((c) => [c.slug, c.name]));
  const carrierNames = new Map(catalog.carriers.map((c) => [c.slug, c.name]));
  const filters = parsed.ok ? parsed.filters : null;
  const place = filters?.near ? (filters.nearText ?? filters.near.label) : null;
  const results = response?.results.slice(0, NEAREST_COUNT) ?? [];
  const total = response?.total ?? 0;
  const capped = response?.totalIsCapped ?? false;
  const wider = filters?.near && total === 0 ? widerRadius(filters.radiusMi) : null;

  let status: string;
  if (!filters) status = "Check the place above to see providers.";
  else if (place && total > 0) status = `${pluralizeCapped(total, capped, "licensed provider")} within ${filters.radiusMi} mi of ${place}.`;
  else if (place) status = `No licensed providers treat ${conditionName} within ${filters.radiusMi} mi of ${place} yet.`;
  else if (total > 0) status = "Top matches across the US. Enter your ZIP or city to see who is nearest.";
  else status = `No licensed providers treat ${conditionName} yet.`;

  return (
    <section id="nearby" aria-labelledby="nearby-heading">
      <div className="card p-5">
        <h2 id="nearby-heading" className="text-lg font-semibold text-slate-900">
          Providers near you
        </h2>
        <form method="get" action={`/conditions/${encodeURIComponent(slug)}`} className="mt-3 space-y-3">
          <NearField value={near} error={parsed.ok ? null : parsed.error} hint={false} />
          <button type="submit" className="btn-primary w-full">
            Show nearest providers
          </button>
        </form>
        <p className="mt-4 text-sm text-slate-700">{status}</p>
      </div>
      {results.length > 0 ? (
        <ProviderCardList
          className="mt-4 space-y-3"
          cards={results.map((provider) => providerCardView(provider, { conditions: conditionNames, carriers: carrierNames }))}
          compact
        />
      ) : null}
      {filters ? (
        <ul className="mt-4 space-y-2">
          {wider !== null ? (
            <li>
              <Link href={`/providers${filtersToQuery(filters, { radiusMi: wider })}`} className="font-semibold">
                Search within {wider} miles<span aria-hidden="true"> →</span>
              </Link>
            </li>
          ) : null}
          <li>
            <Link href={`/providers${filtersToQuery(filters)}`} className="font-semibold">
              {total > results.length ? `See all ${pluralizeCapped(total, capped, "provider")}` : "Search with more filters"}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
