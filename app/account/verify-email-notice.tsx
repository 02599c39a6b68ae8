import type { ReactNode } from "react";
import { ActionButton } from "../components/action-form";
import { resendVerificationAction } from "./resend-verification-action";

/**
 * What an account that has not confirmed its address is told, with "send the link again".
 * `returnTo` is where the new link brings its owner back (the booking page keeps the chosen time).
 */
export function VerifyEmailNotice({ email, returnTo, children }: { email: string; returnTo: string; children: ReactNode }) {
  return (
    <section aria-labelledby="verify-email-heading" className="mt-6 max-w-xl rounded-lg border border-amber-200 bg-amber-50 p-5 text-amber-950">
      <h2 id="verify-email-heading" className="text-lg font-semibold">
        Confirm your email address
      </h2>
      <p className="mt-1 text-sm">{children}</p>
      <p className="mt-1 text-sm">
        We sent the link to {email}. It works once, for 24 hours; if it did not arrive or has expired, ask for a new one.
      </p>
      <ActionButton action={resendVerificationAction} fields={{ returnTo }} variant="secondary" pendingLabel="Sending…" className="mt-3 space-y-2">
        Send the link again
      </ActionButton>
    </section>
  );
}
