import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="container-page flex justify-center py-12">
      <div className="card w-full max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Forgot your password?</h1>
        <p className="mt-2 text-sm text-slate-700">
          Enter the email address you signed up with. We will email you a link to choose a new password; it works once, for 60
          minutes, and signs you out on every device.
        </p>
        <div className="mt-6">
          <ForgotPasswordForm />
        </div>
        <p className="mt-6 text-sm text-slate-700">
          Remembered it? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}
