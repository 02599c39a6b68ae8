import type { Metadata } from "next";
import Link from "next/link";
import { CHOOSE_PASSWORD_PATH, requireRole } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password", robots: { index: false } };

export default async function ChangePasswordPage() {
  const user = await requireRole(["patient", "provider", "admin"], CHOOSE_PASSWORD_PATH);
  return (
    <div className="container-page max-w-lg py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{user.mustChangePassword ? "Choose your password" : "Change your password"}</h1>
      {user.mustChangePassword ? (
        <p className="mt-3 text-slate-700">
          You signed in with a one-time password. Choose your own before going on; nothing else in your account opens until you do.
        </p>
      ) : (
        <p className="mt-3 text-slate-700">
          Your other devices are signed out when the new password is saved; this one stays signed in. We email you to say it changed.
        </p>
      )}
      <div className="card mt-6 p-6">
        <ChangePasswordForm oneTime={user.mustChangePassword} />
      </div>
      {user.mustChangePassword ? null : (
        <p className="mt-4 text-sm">
          <Link href="/account">Back to your account</Link>
        </p>
      )}
    </div>
  );
}
