import type { Metadata } from "next";
import Link from "next/link";
import { notificationSettings } from "@/lib/auth/account-settings";
import { requireRole } from "@/lib/auth/session";
import { ActionButton } from "../components/action-form";
import { signOutAction } from "../sign-out-action";
import { EmailSection } from "./email-section";
import { NameForm } from "./name-form";
import { NotificationForm } from "./notification-form";
import { signOutEverywhereAction } from "./sign-out-everywhere-action";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const ROLE_LABEL = { patient: "Patient", provider: "Provider", admin: "Admin" } as const;

// Said on the page so nobody is surprised by being asked to sign in again.
const SESSION_RULE = {
  patient: "You stay signed in on this device for 30 days after your last visit.",
  provider: "Because you read patients' health information, you are signed out after 30 minutes without activity, and 12 hours after signing in.",
  admin: "Because you can read patients' health information, you are signed out after 30 minutes without activity, and 12 hours after signing in.",
} as const;

const DATA_EXPORT = {
  patient: "One file with your account, every booking with the intake you wrote, payments, your diary, and every time someone else opened your intake.",
  provider: "One file with your account, listing, licenses, locations, schedule and bookings. It leaves out what patients wrote and who they are.",
  admin: "One file with your account.",
} as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(["patient", "provider", "admin"], "/account");
  const [settings, params] = await Promise.all([notificationSettings(user), searchParams]);
  return (
    <div className="container-page py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your account</h1>
      {params.password === "changed" ? (
        <p role="status" className="mt-4 max-w-xl rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Your new password is saved.
        </p>
      ) : null}
      <dl className="card mt-6 grid max-w-xl gap-4 p-6 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-slate-900">Email</dt>
        <dd className="min-w-0 break-all text-slate-700">{user.email}</dd>
        <dt className="font-medium text-slate-900">Account type</dt>
        <dd className="text-slate-700">{ROLE_LABEL[user.role]}</dd>
      </dl>
      <RoleLinks role={user.role} />
      <section aria-labelledby="details-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="details-heading" className="text-lg font-semibold text-slate-900">
          Your details
        </h2>
        <NameForm name={user.name} />
      </section>
      <EmailSection user={user} changed={params.email === "changed"} />
      <section aria-labelledby="password-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          Password
        </h2>
        <p className="text-sm text-slate-700">Changing it needs the current one, and signs out your other devices.</p>
        <Link href="/account/password" className="btn-secondary">
          Change password
        </Link>
      </section>
      <section aria-labelledby="notifications-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="notifications-heading" className="text-lg font-semibold text-slate-900">
          Notifications
        </h2>
        <NotificationForm bookingReminders={settings.bookingReminders} diaryReminders={settings.diaryReminders} patient={user.role === "patient"} />
      </section>
      <section aria-labelledby="data-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="data-heading" className="text-lg font-semibold text-slate-900">
          Your data
        </h2>
        <p className="text-sm text-slate-700">{DATA_EXPORT[user.role]}</p>
        <a href="/api/account/export" download className="btn-secondary">
          Download your data (JSON)
        </a>
        <p className="text-sm text-slate-700">
          <Link href="/privacy">What we keep, who can see it and for how long</Link>
        </p>
        {user.role === "admin" ? null : (
          <p className="text-sm text-slate-700">
            <Link href="/account/delete">Delete your account</Link>
          </p>
        )}
      </section>
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

/** Where each kind of account goes from here, and signing out. */
function RoleLinks({ role }: { role: keyof typeof ROLE_LABEL }) {
  return (
    <div className="mt-6 flex flex-wrap gap-3">
      {role === "provider" ? (
        <Link href="/provider" className="btn-primary">
          Manage your listing
        </Link>
      ) : null}
      {role === "admin" ? (
        <Link href="/admin/licenses" className="btn-primary">
          License queue
        </Link>
      ) : null}
      {role === "patient" ? (
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
  );
}
