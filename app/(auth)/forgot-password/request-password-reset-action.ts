"use server";

import { headers } from "next/headers";
import { guardAction } from "@/lib/actions/guard";
import { clientAddress } from "@/lib/auth/client-ip";
import { RESET_REQUESTED, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { forgotPasswordSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

export type ForgotPasswordState = { message?: string; error?: string; fieldErrors?: { email?: string }; email?: string };

export async function requestPasswordResetAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  return guardAction(async () => {
    if (!(formData instanceof FormData)) return { fieldErrors: { email: "Enter your email address." } };
    const typed = formData.get("email");
    const email = typeof typed === "string" ? typed.slice(0, 254) : "";
    const parsed = forgotPasswordSchema.safeParse({ email: typed });
    if (!parsed.success) return { fieldErrors: { email: parsed.error.issues[0]?.message }, email };
    const result = await requestPasswordReset({ email: parsed.data.email, ip: clientAddress(await headers()) });
    if (!result.ok) return { error: tooManyAttemptsMessage(result.retryAfterMinutes), email };
    deliverOutboxSoon();
    // The same words whether or not an account has the address.
    return { message: RESET_REQUESTED };
  });
}
