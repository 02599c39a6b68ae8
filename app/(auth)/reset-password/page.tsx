import type { Metadata } from "next";
import Link from "next/link";
import { RESET_LINK_SPENT } from "@/lib/auth/messages";
import { isResetLinkUsable } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/validation";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const wellFormed = resetPasswordSchema.shape.token.safeParse(token);
  const usable = wellFormed.success && (await isResetLinkUsable(wellFormed.data));
  return (
    <div className="container-page flex justify-center py-12">
      <div className="card w-full max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Choose a new password</h1>
        {usable ? (
          <>
            <p className="mt-2 text-sm text-slate-700">
              Once it is saved, every device signed in to your account is signed out, and you sign in again with the new password.
            </p>
            <div className="mt-6">
              <ResetPasswordForm token={wellFormed.data!} />
            </div>
          </>
        ) : (
          <>
            <p role="alert" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {RESET_LINK_SPENT}
            </p>
            <p className="mt-6 text-sm text-slate-700">
              <Link href="/forgot-password">Ask for a new link</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
