import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getCatalog, type Catalog } from "@/lib/catalog/queries";
import { filtersToQuery } from "@/lib/search/filters";
import { languageName } from "@/lib/search/languages";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import type { SearchFilters, SearchResponse } from "@/lib/search/types";
import { providerCardView } from "@/lib/ui/provider-card-view";
import { emptyResultsMessage, resultsSummary, widerRadius, type SearchDescription } from "@/lib/ui/search-summary";
import { Pagination } from "../pagination";
import { ProviderCardList } from "../provider-card";
import { SearchForm } from "../search-form";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = {
  title: "Find a licensed provider",
  description: "Search licensed providers who treat chronic pain with Botox by condition, place, insurance, price and language.",
};

export default async function ProvidersPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const [params, catalog] = await Promise.all([searchParams, getCatalog()]);
  const parsed = await parseSearchFilters(params);
  // A repeated search is confirmed by reading the search generation alone: planning the whole search
  // statement only to learn that nothing changed cost more than the search itself once cached.
  const response = parsed.ok ? await searchProviders(parsed.filters, { confirmFirst: true }) : null;

  return (
    <div className="container-page py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Find a licensed provider</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Every provider listed here holds a verified, current license in the state where they treat you.
      </p>

      <div className="mt-8 grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <section aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="sr-only">
            Filters
          </h2>
          <div className="card p-4 sm:p-5">
            <SearchForm
              key={JSON.stringify(parsed.raw)}
              conditions={catalog.conditions}
              carriers={catalog.carriers}
              values={parsed.raw}
              error={parsed.ok ? null : parsed.error}
            />
          </div>
        </section>

        <section aria-labelledby="results-heading" className="min-w-0">
          {parsed.ok && response ? (
            <Results filters={parsed.filters} response={response} catalog={catalog} />
          ) : (
            <>
              <h2 id="results-heading" className="text-lg font-semibold text-slate-900">
                Check your search
              </h2>
              <p className="mt-2 text-slate-700">Fix the highlighted filter and search again to see providers.</p>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function describe(filters: SearchFilters, catalog: Catalog): SearchDescription {
  const nameOf = (list: { slug: string; name: string }[], slug: string | null) => (slug ? (list.find((x) => x.slug === slug)?.name ?? slug) : null);
  return {
    conditionName: nameOf(catalog.conditions, filters.condition),
    placeLabel: filters.near ? (filters.nearText ?? filters.near.label) : null,
    radiusMi: filters.radiusMi,
    insurance: filters.insurance === "self-pay" ? "self-pay" : nameOf(catalog.carriers, filters.insurance),
    maxFeeDollars: filters.maxFeeDollars,
    telehealth: filters.telehealth,
    languageName: filters.language ? languageName(filters.language) : null,
    gender: filters.gender,
  };
}

function Results({
  filters,
  response,
  catalog,
}: {
  filters: SearchFilters;
  response: SearchResponse;
  catalog: Catalog;
}) {
  const description = describe(filters, catalog);
  const totalPages = Math.max(1, Math.ceil(response.total / response.pageSize));
  const href = (overrides: Partial<SearchFilters>) => `/providers${filtersToQuery(filters, overrides)}`;
  const names = {
    conditions: new Map(catalog.conditions.map((c) => [c.slug, c.name])),
    carriers: new Map(catalog.carriers.map((c) => [c.slug, c.name])),
  };

  if (response.total === 0) {
    return <EmptyResults filters={filters} description={description} href={href} />;
  }

  return (
    <>
      <h2 id="results-heading" className="text-lg font-semibold text-slate-900">
        {resultsSummary(response.total, description, response.totalIsCapped)}
      </h2>
      {response.results.length === 0 ? (
        <p className="mt-4 text-slate-700">
          There is no page {filters.page}. <Link href={href({ page: 1 })}>Go to the first page</Link>.
        </p>
      ) : (
        <ProviderCardList
          className="mt-4 space-y-4"
          cards={response.results.map((provider) => providerCardView(provider, names, provider.nextAvailable))}
        />
      )}
      {response.results.length > 0 ? (
        <Pagination
          page={filters.page}
          totalPages={totalPages}
          capped={response.totalIsCapped}
          lastPage={response.results.length < response.pageSize}
          hrefFor={(page) => href({ page })}
        />
      ) : null}
    </>
  );
}

function EmptyResults({
  filters,
  description,
  href,
}: {
  filters: SearchFilters;
  description: SearchDescription;
  href: (overrides: Partial<SearchFilters>) => string;
}) {
  const wider = filters.near ? widerRadius(filters.radiusMi) : null;
  const hasOtherFilters =
    filters.insurance !== null ||
    filters.maxFeeDollars !== null ||
    filters.telehealth ||
    filters.language !== null ||
    filters.gender !== null ||
    filters.availableWithinDays !== null;
  return (
    <div className="card border-dashed p-6 text-center sm:p-10">
      <h2 id="results-heading" className="text-lg font-semibold text-slate-900">
        {emptyResultsMessage(description)}
      </h2>
      <p className="mx-auto mt-2 max-w-md text-slate-700">
        We only list providers whose license we have verified in the state where they treat you, so some areas have few
        providers yet.
      </p>
      <ul className="mt-6 flex flex-col items-center justify-center gap-3 sm:flex-row">
        {wider !== null ? (
          <li>
            <Link href={href({ radiusMi: wider, page: 1 })} className="btn-primary">
              Search within {wider} miles
            </Link>
          </li>
        ) : null}
        {hasOtherFilters ? (
          <li>
            <Link
              href={href({ insurance: null, maxFeeDollars: null, telehealth: false, language: null, gender: null, availableWithinDays: null, page: 1 })}
              className="btn-secondary"
            >
              Remove other filters
            </Link>
          </li>
        ) : null}
        <li>
          <Link href="/providers" className="btn-secondary">
            Clear all filters
          </Link>
        </li>
      </ul>
    </div>
  );
}
