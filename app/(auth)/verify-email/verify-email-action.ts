"use server";

import { redirect } from "next/navigation";
import { guardAction } from "@/lib/actions/guard";
import { confirmEmailLink } from "@/lib/auth/email-verification";
import { EMAIL_LINK_SPENT, EMAIL_TAKEN_SINCE, safeReturnPath } from "@/lib/auth/messages";
import { getCurrentUser } from "@/lib/auth/session";
import { emailLinkSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

export type VerifyEmailState = { error?: string };

// The link is the authority, signed in or not, as with a reset link. It does not sign anyone in
// (a forwarded email must not open the account): whoever is signed out signs in with their
// password next, and lands where the link was meant to bring them.
export async function verifyEmailAction(_previous: VerifyEmailState, formData: FormData): Promise<VerifyEmailState> {
  return guardAction(async () => {
    if (!(formData instanceof FormData)) return { error: EMAIL_LINK_SPENT };
    const parsed = emailLinkSchema.safeParse({ token: formData.get("token"), next: formData.get("next") ?? undefined });
    if (!parsed.success) return { error: EMAIL_LINK_SPENT };
    const result = await confirmEmailLink(parsed.data.token);
    if (!result.ok) return { error: result.reason === "taken" ? EMAIL_TAKEN_SINCE : EMAIL_LINK_SPENT };
    deliverOutboxSoon();
    const user = await getCurrentUser();
    const signedInHere = user?.id === result.userId;
    if (result.kind === "change") redirect(signedInHere ? "/account?email=changed" : "/sign-in?email=changed");
    const next = safeReturnPath(parsed.data.next, "/account");
    redirect(signedInHere ? next : `/sign-in?verified=1&callbackUrl=${encodeURIComponent(next)}`);
  });
}
