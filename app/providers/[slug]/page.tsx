import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ownReviewState } from "@/lib/reviews/reviews";
import { getNextAvailable } from "@/lib/scheduling/queries";
import { nextTreatmentFrom } from "@/lib/treatments/interval-rule";
import type { ProviderProfile } from "@/lib/providers/queries";
import { listNames, midSentence } from "@/lib/ui/format";
import { isCalendarDate } from "@/lib/ui/time-zone";
import { physicianJsonLd, serializeJsonLd } from "@/lib/ui/json-ld";
import { getProvider } from "./get-provider";
import { BookingPanel } from "./booking-panel";
import { ProfileView } from "./profile-view";
import { OwnReview } from "./reviews/own-review";
import { WaitlistSection } from "./waitlist-section";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const oneParam = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : undefined);

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

export default async function ProviderPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  // Listing depends on today's date (licenses lapse), so every view is rendered at request time.
  await connection();
  const { slug } = await params;
  // A link from a refused treatment or the dashboard starts the times at the first allowed date.
  const query = await searchParams;
  const from = oneParam(query.from);
  const startFrom = from && isCalendarDate(from) ? from : undefined;
  // The next opening needs only the slug: both reads at once (it is null for an unlisted slug).
  const [provider, nextAvailable, user] = await Promise.all([getProvider(slug), getNextAvailable(slug), getCurrentUser()]);
  if (!provider) notFound();
  // Only a patient may have a review to write or edit here.
  const offersTreatment = provider.appointmentTypes.some((t) => t.kind === "treatment");
  const [own, treatmentFrom] =
    user?.role === "patient" ? await Promise.all([ownReviewState(user, provider.slug), offersTreatment ? nextTreatmentFrom(user, provider.slug) : null]) : [null, null];
  // Set by proxy.ts for this request: the policy admits only inline scripts that carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;

  return (
    <article className="container-page py-8 sm:py-10">
      <script
        type="application/ld+json"
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(physicianJsonLd(provider, env.SITE_URL)) }}
      />
      <p className="text-sm">
        <Link href="/providers">
          <span aria-hidden="true">←</span> All providers
        </Link>
      </p>
      <ProfileView
        provider={provider}
        nextAvailable={nextAvailable?.start ?? null}
        ownReview={own ? <OwnReview slug={provider.slug} providerName={provider.name} state={own} /> : undefined}
        booking={
          <>
            <BookingPanel slug={provider.slug} types={provider.appointmentTypes} locations={provider.locations} horizonDays={provider.horizonDays} startFrom={startFrom} treatmentFrom={treatmentFrom} initialTypeId={oneParam(query.type)} />
            <WaitlistSection provider={provider} user={user} />
          </>
        }
      />
    </article>
  );
}
