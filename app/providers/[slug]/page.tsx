import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";
import type { ProviderProfile } from "@/lib/providers/queries";
import { languageName } from "@/lib/search/languages";
import { listNames, midSentence } from "@/lib/ui/format";
import { physicianJsonLd, serializeJsonLd } from "@/lib/ui/json-ld";
import { ProviderAvatar } from "../../components/provider-avatar";
import { VerifiedBadge } from "../../components/verified-badge";
import { getProvider } from "./get-provider";
import { AppointmentTypes, ConditionsTreated, Licenses, Locations, Payment, Prices } from "./profile-sections";

type Params = Promise<{ slug: string }>;

function primaryPlace(provider: ProviderProfile): string | null {
  const first = provider.locations[0];
  return first ? `${first.city}, ${first.state}` : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const provider = await getProvider(slug);
  if (!provider) return { title: "Provider not found" };
  const place = primaryPlace(provider);
  const title = `${provider.name}, ${provider.credentials} — Botox for chronic pain${place ? ` in ${place}` : ""}`;
  const conditions = listNames(provider.conditions.map((c) => midSentence(c.name)));
  const description = `${provider.name}, ${provider.credentials} (${provider.specialty}) treats ${conditions || "chronic pain"} with Botox${
    place ? ` in ${place}` : ""
  }. License verified. See prices, insurance and locations.`;
  return {
    title,
    description,
    alternates: { canonical: `/providers/${encodeURIComponent(provider.slug)}` },
    openGraph: { type: "profile", title, description, url: `/providers/${encodeURIComponent(provider.slug)}` },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function ProviderPage({ params }: { params: Params }) {
  // Listing depends on today's date (licenses lapse), so every view is rendered at request time.
  await connection();
  const { slug } = await params;
  const provider = await getProvider(slug);
  if (!provider) notFound();

  const languages = provider.languages.map(languageName);

  return (
    <article className="container-page py-8 sm:py-10">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(physicianJsonLd(provider, env.SITE_URL)) }}
      />
      <p className="text-sm">
        <Link href="/providers">
          <span aria-hidden="true">←</span> All providers
        </Link>
      </p>

      <header className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-center">
        <ProviderAvatar name={provider.name} photoUrl={provider.photoUrl} size="lg" />
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
              {provider.name}, {provider.credentials}
            </h1>
            <VerifiedBadge />
          </div>
          <p className="text-lg text-slate-700">{provider.specialty}</p>
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
            {provider.yearsExperience > 0 ? (
              <li>
                {provider.yearsExperience} {provider.yearsExperience === 1 ? "year" : "years"} in practice
              </li>
            ) : null}
            {languages.length > 0 ? <li>Speaks {listNames(languages)}</li> : null}
            {provider.telehealth ? <li className="font-medium text-sky-800">Offers telehealth visits</li> : null}
          </ul>
        </div>
      </header>

      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-10">
          {provider.bio.trim() !== "" ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="text-xl font-semibold text-slate-900">
                About
              </h2>
              <div className="prose-plain mt-3 max-w-prose text-slate-800">
                {provider.bio
                  .split(/\n\s*\n/)
                  .filter((p) => p.trim() !== "")
                  .map((paragraph, i) => (
                    <p key={i}>{paragraph}</p>
                  ))}
              </div>
            </section>
          ) : null}
          <ConditionsTreated provider={provider} />
          <Prices provider={provider} />
          <AppointmentTypes provider={provider} />
        </div>
        <div className="space-y-6">
          <Locations provider={provider} />
          <Payment provider={provider} />
          <Licenses provider={provider} />
        </div>
      </div>
    </article>
  );
}
