"use server";

import { headers } from "next/headers";
import { authorizedAction } from "@/lib/actions/validated-action";
import { clientAddress } from "@/lib/auth/client-ip";
import { resendVerificationLink } from "@/lib/auth/email-verification";
import { safeReturnPath, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { resendVerificationSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

/** "Send the link again", from the account page or the booking page (which passes itself as `returnTo`). */
export const resendVerificationAction = authorizedAction(
  ["patient", "provider", "admin"],
  resendVerificationSchema,
  (form) => ({ returnTo: form.get("returnTo") ?? undefined }),
  async ({ returnTo }, user) => {
    const result = await resendVerificationLink(user, { ip: clientAddress(await headers()), returnTo: safeReturnPath(returnTo, "/account") });
    if (!result.ok) {
      return result.reason === "verified" ? { ok: true, message: "Your email address is already confirmed." } : { error: tooManyAttemptsMessage(result.retryAfterMinutes) };
    }
    deliverOutboxSoon();
    return { ok: true, message: `We sent a new link to ${user.email}. It works once, for 24 hours.` };
  },
);
