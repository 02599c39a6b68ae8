import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { signOutAction } from "../sign-out-action";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const ROLE_LABEL = { patient: "Patient", provider: "Provider", admin: "Admin" } as const;

export default async function AccountPage() {
  const user = await requireRole(["patient", "provider", "admin"], "/account");
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
    </div>
  );
}
