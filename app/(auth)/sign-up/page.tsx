import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/messages";
import { getCurrentUser } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl, "/account");
  if (await getCurrentUser()) redirect(callbackUrl);
  const role = params.role === "provider" ? "provider" : "patient";
  return (
    <div className="container-page flex justify-center py-12">
      <div className="card w-full max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Create an account</h1>
        <p className="mt-2 text-sm text-slate-700">
          Providers appear in search only after we verify their NPI and state license.
        </p>
        <div className="mt-6">
          <SignUpForm callbackUrl={params.callbackUrl ? callbackUrl : ""} role={role} />
        </div>
        <p className="mt-6 text-sm text-slate-700">
          Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}
