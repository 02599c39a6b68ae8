import { isEmailVerified } from "@/lib/auth/email-verification";
import type { CurrentUser } from "@/lib/auth/session";
import { ChangeEmailForm } from "./change-email-form";
import { VerifyEmailNotice } from "./verify-email-notice";

/** The account page's email part: confirming the address, and moving the account to another. */
export async function EmailSection({ user, changed }: { user: CurrentUser; changed: boolean }) {
  const verified = await isEmailVerified(user);
  return (
    <>
      {changed ? (
        <p role="status" className="mt-6 max-w-xl rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Your email address is now {user.email}.
        </p>
      ) : null}
      {verified ? null : (
        <VerifyEmailNotice email={user.email} returnTo="/account">
          Until you do, you cannot send booking requests{user.role === "provider" ? " or publish your listing" : ""}.
        </VerifyEmailNotice>
      )}
      <section aria-labelledby="change-email-heading" className="card mt-8 max-w-xl space-y-3 p-6">
        <h2 id="change-email-heading" className="text-lg font-semibold text-slate-900">
          Change email
        </h2>
        <p className="text-sm text-slate-700">
          We email a link to the new address; your account moves there when you open it, and we tell {user.email}.
        </p>
        <ChangeEmailForm />
      </section>
    </>
  );
}
