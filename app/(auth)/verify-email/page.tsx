import type { Metadata } from "next";
import Link from "next/link";
import { emailLinkKind } from "@/lib/auth/email-verification";
import { EMAIL_LINK_SPENT, safeReturnPath } from "@/lib/auth/messages";
import { emailLinkSchema } from "@/lib/auth/validation";
import { VerifyEmailForm } from "./verify-email-form";

// The URL holds the link's secret: no Referer to anything this page loads or links to.
export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "no-referrer" };

const COPY = {
  verify: {
    heading: "Confirm your email",
    text: "Confirm that this is your address to finish creating your account. Then you can send booking requests.",
    button: "Confirm my email address",
  },
  change: {
    heading: "Confirm your new email",
    text: "Once confirmed, your account signs in and gets its email at this address, and we tell the old one.",
    button: "Confirm the new address",
  },
} as const;

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = emailLinkSchema.safeParse({ token: params.token, next: typeof params.next === "string" ? params.next : undefined });
  const kind = parsed.success ? await emailLinkKind(parsed.data.token) : null;
  const copy = COPY[kind ?? "verify"];
  return (
    <div className="container-page flex justify-center py-12">
      <div className="card w-full max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{copy.heading}</h1>
        {kind && parsed.success ? (
          <>
            <p className="mt-2 text-sm text-slate-700">{copy.text}</p>
            <div className="mt-6">
              <VerifyEmailForm token={parsed.data.token} next={safeReturnPath(parsed.data.next, "")} label={copy.button} />
            </div>
          </>
        ) : (
          <>
            <p role="alert" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {EMAIL_LINK_SPENT}
            </p>
            <p className="mt-6 text-sm text-slate-700">
              <Link href="/account">Go to your account</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
