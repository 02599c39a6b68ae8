import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ANSWER_RULE } from "@/lib/booking/answer-by";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { getCurrentUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/queries";
import { HOLD_MINUTES } from "@/lib/booking/queries";
import { telehealthStatesBySlug, telehealthStatesMessage } from "@/lib/licensing/telehealth";
import { checkSlot } from "@/lib/scheduling/queries";
import { isBeforeEarliest } from "@/lib/treatments/interval";
import { nextTreatmentFrom, tooSoonMessage } from "@/lib/treatments/interval-rule";
import { timesFromHref } from "@/lib/treatments/links";
import { formatAddress } from "@/lib/ui/address";
import { formatMinutes, formatMoney, formatInstant } from "@/lib/ui/format";
import { zoneName } from "@/lib/ui/time-zone";
import { LocalTime } from "../../../components/local-time";
import { SignUpForm } from "../../../(auth)/sign-up/sign-up-form";
import { VerifyEmailNotice } from "../../../account/verify-email-notice";
import { getHeldTime } from "@/lib/waitlist/claim";
import { getProvider } from "../get-provider";
import { IntakeForm } from "./intake-form";

// No Referer from the intake (see lib/security/headers.ts), also when reached by a client navigation.
export const metadata: Metadata = { title: "Request a consultation", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : "");

export default async function BookPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  const provider = await getProvider(slug);
  if (!provider) notFound();
  const typeId = one(query.type);
  const locationId = one(query.location);
  const start = one(query.start);
  const holdId = one(query.hold);
  const type = provider.appointmentTypes.find((t) => t.id === typeId);
  const location = provider.locations.find((l) => l.id === locationId);
  const profileHref = `/providers/${encodeURIComponent(provider.slug)}`;
  const here = `${profileHref}/book?${new URLSearchParams({ type: typeId, location: locationId, start, ...(holdId ? { hold: holdId } : {}) })}`;

  // A time held for this patient from the waitlist is free for them alone (lib/waitlist/claim.ts).
  const viewer = holdId ? await getCurrentUser() : null;
  const heldTime = viewer ? await getHeldTime(viewer, holdId) : null;
  const held = heldTime && heldTime.appointmentTypeId === typeId && heldTime.locationId === locationId && Date.parse(heldTime.start) === Date.parse(start) ? heldTime : null;
  const check = held ? { free: true as const } : type && location && start ? await checkSlot(provider.slug, type.id, location.id, start) : { free: false as const, alternatives: [] };
  const alternatives = check.free ? [] : check.alternatives;
  if (!type || !location || !check.free) {
    return (
      <div className="container-page max-w-2xl py-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">That time is no longer free</h1>
        <p className="mt-2 text-slate-700">Someone may have just booked it, or the link is out of date.</p>
        {alternatives.length > 0 && type && location ? (
          <>
            <h2 className="mt-6 text-lg font-semibold text-slate-900">Next free times with {provider.name}</h2>
            <ul className="mt-3 flex flex-wrap gap-2">
              {alternatives.map((a) => (
                <li key={a.start + a.locationId}>
                  <Link className="btn-secondary text-sm" href={`${profileHref}/book?${new URLSearchParams({ type: type.id, location: a.locationId, start: a.start })}`}>
                    <LocalTime iso={a.start} />
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Link href={profileHref} className="btn-primary mt-6">
          See all free times
        </Link>
      </div>
    );
  }

  const [user, catalog] = await Promise.all([getCurrentUser(), getCatalog()]);
  // An unconfirmed address cannot send a request (lib/booking/queries.ts); say so before the intake, not after it.
  const verified = user?.role === "patient" ? await isEmailVerified(user) : true;
  const conditions = provider.conditions.map((c) => ({ slug: c.slug, name: c.name }));
  const instant = new Date(start);
  // A treatment inside the 84 days is refused on sending (lib/booking/queries.ts); say so before the intake.
  const earliest = user?.role === "patient" && type.kind === "treatment" ? await nextTreatmentFrom(user, provider.slug) : null;
  const tooSoon = earliest !== null && isBeforeEarliest(instant, location.timeZone, earliest);
  // Video is the appointment type's to offer, in the states the booking itself will accept (lib/booking/video-visit.ts).
  const videoStates = type.telehealthAllowed ? await telehealthStatesBySlug(provider.slug) : [];
  const video = videoStates.length > 0 ? { licensedMessage: telehealthStatesMessage(provider.name, videoStates) } : null;

  return (
    <div className="container-page grid gap-8 py-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        <p className="text-sm">
          <Link href={profileHref}>
            <span aria-hidden="true">←</span> Back to {provider.name}
          </Link>
        </p>
        <h1 className="mt-3 text-2xl font-bold tracking-tight text-slate-900">{type.instantBooking ? "Book a consultation" : "Request a consultation"}</h1>
        {held ? (
          <p role="status" className="mt-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            This time is held for you from the waitlist until <LocalTime iso={held.expiresAt} />. Send the form before then to keep it.
          </p>
        ) : null}
        {!user ? (
          <section aria-labelledby="account-heading" className="card mt-6 p-6">
            <h2 id="account-heading" className="text-lg font-semibold text-slate-900">
              Create a patient account to continue
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Your chosen time stays selected. Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>.
            </p>
            <div className="mt-4">
              <SignUpForm callbackUrl={here} role="patient" fixedRole />
            </div>
          </section>
        ) : user.role !== "patient" ? (
          <p role="alert" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
            You are signed in as a {user.role}. Sign out and sign in with a patient account to request a consultation.
          </p>
        ) : !verified ? (
          <VerifyEmailNotice email={user.email} returnTo={here}>
            Before you can send this request, confirm your email address with the link we sent you. Your chosen time stays selected: the
            link brings you back here.
          </VerifyEmailNotice>
        ) : tooSoon ? (
          <div role="alert" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
            <p className="font-medium">{tooSoonMessage(earliest)}</p>
            <Link className="btn-secondary mt-3 text-sm" href={timesFromHref(provider.slug, type.id, earliest)}>
              See free times from then
            </Link>
          </div>
        ) : (
          <IntakeForm
            providerSlug={provider.slug}
            appointmentTypeId={type.id}
            locationId={location.id}
            start={start}
            conditions={conditions}
            carriers={provider.insurance.length > 0 ? provider.insurance : catalog.carriers}
            selfPay={provider.selfPay}
            video={video}
            depositCents={type.depositCents}
            instant={type.instantBooking}
            providerName={provider.name}
            waitlistOfferId={held?.offerId}
          />
        )}
      </div>
      <aside aria-labelledby="summary-heading" className="card h-fit p-5 lg:sticky lg:top-6">
        <h2 id="summary-heading" className="text-base font-semibold text-slate-900">
          Your appointment
        </h2>
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="font-medium text-slate-900">With</dt>
            <dd className="text-slate-700">
              {provider.name}, {provider.credentials}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">When (your time)</dt>
            <dd className="text-slate-700">
              <LocalTime iso={start} />
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">At the clinic</dt>
            <dd className="text-slate-700">
              {formatInstant(start, location.timeZone)} ({zoneName(location.timeZone, instant)})
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Where</dt>
            <dd className="text-slate-700">
              {location.name}, {formatAddress(location)}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">What</dt>
            <dd className="text-slate-700">
              {type.name}, {formatMinutes(type.minutes)}, {formatMoney(type.feeCents)}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Deposit and cancellation</dt>
            <dd className="text-slate-700">
              {type.depositCents > 0 ? `${formatMoney(type.depositCents)} deposit holds this time for ${HOLD_MINUTES} minutes while you pay. ` : "No deposit. "}
              Free cancellation and online rescheduling until {provider.cancellationWindowHours} hours before; after that only the clinic can move it. {provider.cancellationPolicy}
            </dd>
          </div>
          {type.instantBooking ? (
            <div>
              <dt className="font-medium text-slate-900">Instant booking</dt>
              <dd className="text-slate-700">
                Confirmed as soon as you {type.depositCents > 0 ? "pay the deposit" : "book"}: {provider.name} does not need to answer first.
              </dd>
            </div>
          ) : (
            <div>
              <dt className="font-medium text-slate-900">If there is no answer</dt>
              <dd className="text-slate-700">{ANSWER_RULE}</dd>
            </div>
          )}
        </dl>
      </aside>
    </div>
  );
}
