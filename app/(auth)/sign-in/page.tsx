import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/messages";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl, "/account");
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="container-page flex justify-center py-12">
      <div className="card w-full max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in</h1>
        <p className="mt-2 text-sm text-slate-700">Patients, providers and admins all sign in here.</p>
        {params.signedOut === "everywhere" ? (
          <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            You are signed out on every device.
          </p>
        ) : null}
        {params.deleted === "1" ? (
          <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Your account is deleted. We have emailed you a confirmation.
          </p>
        ) : null}
        {params.reset === "done" ? (
          <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Your password is changed and every device was signed out. Sign in with the new password.
          </p>
        ) : null}
        {params.verified === "1" ? (
          <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Your email address is confirmed. Sign in to continue.
          </p>
        ) : null}
        {params.email === "changed" ? (
          <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Your email address is changed. Sign in with the new one.
          </p>
        ) : null}
        <div className="mt-6">
          <SignInForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="mt-4 text-sm text-slate-700">
          New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}
