import type { ReactNode } from "react";
import type { ProviderProfile } from "@/lib/providers/queries";
import { languageName } from "@/lib/search/languages";
import { listNames } from "@/lib/ui/format";
import { LocalTime } from "../../components/local-time";
import { ProviderAvatar } from "../../components/provider-avatar";
import { VerifiedBadge } from "../../components/verified-badge";
import { responseTimeText } from "@/lib/providers/response-time";
import { ratingSummary, Stars } from "../../components/stars";
import { AppointmentTypes, ConditionsTreated, Licenses, Locations, Payment, Prices } from "./profile-sections";
import { ReviewsSection } from "./reviews/reviews-section";

// Shown only when the provider chose to say ("undisclosed" has no label).
const GENDER_LABELS: Record<string, string> = { female: "Female", male: "Male", nonbinary: "Nonbinary" };

/** The profile's body, shared by the public page and the provider's own preview. */
export function ProfileView({
  provider,
  verified = true,
  booking,
  nextAvailable,
  ownReview,
  preview = false,
}: {
  provider: ProviderProfile;
  verified?: boolean;
  booking?: ReactNode;
  /** The signed-in patient's review form or note. */
  ownReview?: ReactNode;
  /** The provider's own preview: reviews show without the report form. */
  preview?: boolean;
  /** The first free initial consultation, when known. */
  nextAvailable?: string | null;
}) {
  const languages = provider.languages.map(languageName);
  const rating = ratingSummary(provider.rating);
  return (
    <>
      <header className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-center">
        <ProviderAvatar name={provider.name} photoUrl={provider.photoUrl} size="lg" />
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
              {provider.name}, {provider.credentials}
            </h1>
            {verified ? <VerifiedBadge /> : null}
          </div>
          <p className="text-lg text-slate-700">{provider.specialty}</p>
          {rating && provider.rating.average !== null ? (
            <p className="flex flex-wrap items-center gap-2 text-slate-800">
              <Stars value={provider.rating.average} />
              <a href="#reviews-heading">{rating}</a>
            </p>
          ) : null}
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
            {provider.yearsExperience > 0 ? (
              <li>
                {provider.yearsExperience} {provider.yearsExperience === 1 ? "year" : "years"} in practice
              </li>
            ) : null}
            {languages.length > 0 ? <li>Speaks {listNames(languages)}</li> : null}
            {GENDER_LABELS[provider.gender] ? <li>{GENDER_LABELS[provider.gender]}</li> : null}
            {provider.telehealth ? <li className="font-medium text-sky-800">Offers telehealth visits</li> : null}
            {provider.responseTimeHours !== null ? <li>{responseTimeText(provider.responseTimeHours)}</li> : null}
            {nextAvailable ? (
              <li className="font-medium text-emerald-800">
                Next available: <LocalTime iso={nextAvailable} />
              </li>
            ) : nextAvailable === null ? (
              <li>No free consultation times in the next two months</li>
            ) : null}
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
          <ReviewsSection provider={provider} own={ownReview} reportable={!preview} />
        </div>
        <div className="space-y-6">
          {booking}
          <Locations provider={provider} />
          <Payment provider={provider} />
          <Licenses provider={provider} />
        </div>
      </div>
    </>
  );
}
