import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { ActionButton } from "../components/action-form";
import { signOutAction } from "../sign-out-action";
import { EmailSection } from "./email-section";
import { signOutEverywhereAction } from "./sign-out-everywhere-action";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const ROLE_LABEL = { patient: "Patient", provider: "Provider", admin: "Admin" } as const;

// Said on the page so nobody is surprised by being asked to sign in again.
const SESSION_RULE = {
  patient: "You stay signed in on this device for 30 days after your last visit.",
  provider: "Because you read patients' health information, you are signed out after 30 minutes without activity, and 12 hours after signing in.",
  admin: "Because you can read patients' health information, you are signed out after 30 minutes without activity, and 12 hours after signing in.",
} as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(["patient", "provider", "admin"], "/account");
  const { email } = await searchParams;
  return (
    <div className="container-page py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your account</h1>
      <dl className="card mt-6 grid max-w-xl gap-4 p-6 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-slate-900">Name</dt>
        <dd className="text-slate-700">{user.name}</dd>
        <dt className="font-medium text-slate-900">Email</dt>
        <dd className="text-slate-700">{user.email}</dd>
        <dt className="font-medium text-slate-900">Account type</dt>
        <dd className="text-slate-700">{ROLE_LABEL[user.role]}</dd>
      </dl>
      <div className="mt-6 flex flex-wrap gap-3">
        {user.role === "provider" ? (
          <Link href="/provider" className="btn-primary">
            Manage your listing
          </Link>
        ) : null}
        {user.role === "admin" ? (
          <Link href="/admin/licenses" className="btn-primary">
            License queue
          </Link>
        ) : null}
        {user.role === "patient" ? (
          <>
            <Link href="/patient" className="btn-primary">
              Your bookings
            </Link>
            <Link href="/providers" className="btn-secondary">
              Find a provider
            </Link>
          </>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className="btn-secondary">
            Sign out
          </button>
        </form>
      </div>
      <EmailSection user={user} changed={email === "changed"} />
      <section aria-labelledby="devices-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="devices-heading" className="text-lg font-semibold text-slate-900">
          Signed-in devices
        </h2>
        <p className="text-sm text-slate-700">{SESSION_RULE[user.role]}</p>
        <p className="text-sm text-slate-700">
          Signed in on a shared computer, or lost a phone? End every session, this one included; anyone using one is asked for
          your password again.
        </p>
        <ActionButton
          action={signOutEverywhereAction}
          fields={{}}
          variant="danger"
          pendingLabel="Signing out everywhere…"
          confirm="Sign out on every device, this one included?"
          className="space-y-2"
        >
          Sign out of all devices
        </ActionButton>
      </section>
    </div>
  );
}
