import type { Metadata } from "next";
import Link from "next/link";
import { ENDED_WAITLIST_DAYS, SENT_MAIL_DAYS, FAILED_MAIL_DAYS, SIGN_IN_ATTEMPT_DAYS } from "@/lib/housekeeping/purge";
import { RESET_LINK_MINUTES } from "@/lib/notifications/account-emails";

// Plain content; the retention periods come from the code that enforces them, so the page cannot
// drift from what the daily purge actually does.
export const metadata: Metadata = {
  title: "Privacy: what Relief Finder keeps and why",
  description: "What Relief Finder stores about patients and providers, why, who can see it, how long it is kept, and how to download or delete it.",
  alternates: { canonical: "/privacy" },
};

export default function PrivacyPage() {
  return (
    <article className="container-page max-w-3xl py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Privacy: what we keep and why</h1>
      <p className="mt-3 text-lg text-slate-700">
        Looking for pain treatment says something about your health, so we keep as little as the service needs, lock up what is
        sensitive, and let you take it with you or delete it.
      </p>

      <Section heading="What we store">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Your account:</strong> name, email address, and your password only as a one-way hash (argon2id), so that
            you can sign in and we can email you about your bookings.
          </li>
          <li>
            <strong>Booking requests (patients):</strong> the provider, place and time, and the intake you fill in (condition,
            history, medicines, safety answers, insurance). The intake and anything you and the provider write to each other are
            encrypted (AES-256-GCM) before they are stored.
          </li>
          <li>
            <strong>Waitlists (patients):</strong> the provider, appointment and days you asked to hear about, when you joined
            and left, and the times we held for you. A held time&apos;s email link is stored only as a one-way hash.
          </li>
          <li>
            <strong>Your diary (patients):</strong> each day&apos;s headache or pain, hours, medicines and scores such as MIDAS
            and HIT-6; a note you add is encrypted the same way.
          </li>
          <li>
            <strong>Payments:</strong> the deposit&apos;s amount, status and the payment processor&apos;s (Stripe&apos;s)
            reference. Card details go to Stripe and never reach us.
          </li>
          <li>
            <strong>Listings (providers):</strong> what you publish, your locations and hours, your NPI and state licenses, and
            the reviewers&apos; notes on checking them.
          </li>
          <li>
            <strong>Security records:</strong> signed-in sessions (only a hash of each session&apos;s token), sign-in attempts with
            the network address they came from (to stop password guessing), and an audit log of who did what and when, which
            holds ids and statuses, never health details.
          </li>
        </ul>
      </Section>

      <Section heading="Who can see it">
        <ul className="list-disc space-y-2 pl-5">
          <li>You: all of it, from your account page.</li>
          <li>
            A provider: the intake of a request you send them, and the notes of your bookings with them. Every time a provider
            opens your intake it is recorded, and your data download lists each time, with who and when.
          </li>
          <li>
            Our administrators: accounts, listings, licenses and the audit log, to verify providers and stop abuse. They cannot
            open intakes or diaries.
          </li>
          <li>
            Nobody else. Our emails never carry health details, since they can be read on a lock screen or in a shared inbox.
          </li>
        </ul>
      </Section>

      <Section heading="How long we keep it">
        <ul className="list-disc space-y-2 pl-5">
          <li>Your account, bookings and diary: until you delete your account.</li>
          <li>
            A waitlist: while you are on it, then {ENDED_WAITLIST_DAYS} days after you leave it, book from it or its days pass,
            together with the times we held for you from it.
          </li>
          <li>Sign-in attempts: {SIGN_IN_ATTEMPT_DAYS} day.</li>
          <li>
            Emails we send: until they are sent and then {SENT_MAIL_DAYS} days (the links in them are secrets while they work;
            a password-reset link works for {RESET_LINK_MINUTES} minutes), or {FAILED_MAIL_DAYS} days when one could not be sent.
          </li>
          <li>
            Sessions: patients stay signed in for 30 days after their last visit; providers and admins are signed out after 30
            minutes without activity and 12 hours after signing in.
          </li>
          <li>
            After you delete your account, payment records and the audit log stay, as accounting and the other side&apos;s
            records need, but only under an id that no longer leads to you.
          </li>
        </ul>
      </Section>

      <Section heading="Taking it with you, or deleting it">
        <p>
          On <Link href="/account">your account page</Link>: <strong>Download your data</strong> gives you one file with everything
          above that is about you. <strong>Delete your account</strong> cancels your upcoming bookings (a patient&apos;s deposits
          follow each provider&apos;s cancellation policy, shown before you confirm; a provider&apos;s patients are refunded in full),
          then removes your name, email address, password, intakes, notes, diary, waitlists and photos. You can turn off reminder emails
          there too.
        </p>
      </Section>
    </article>
  );
}

function Section({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-semibold text-slate-900">{heading}</h2>
      <div className="mt-2 space-y-3 text-slate-700">{children}</div>
    </section>
  );
}
