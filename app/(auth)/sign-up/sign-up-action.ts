"use server";

import { headers } from "next/headers";
import { guardAction } from "@/lib/actions/guard";
import { clientAddress } from "@/lib/auth/client-ip";
import { signUp as createUnverifiedAccount } from "@/lib/auth/email-verification";
import { safeReturnPath, SIGN_IN_BUSY, SIGN_UP_SENT, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { signUpSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

type Field = "name" | "email" | "password" | "role";
export type SignUpState = {
  error?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: { name: string; email: string; role: string };
  /** Set once the form was accepted: the same words for a new address and a taken one. */
  sent?: { message: string; email: string };
};

const text = (value: FormDataEntryValue | null, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export async function signUpAction(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  return guardAction(() => signUp(previous, formData));
}

// Signs nobody in: a new address would otherwise land signed in and a taken one not, which tells
// anyone who has an account. The emailed link (or, for a taken address, the owner's own sign-in)
// is the way in (lib/auth/email-verification.ts).
async function signUp(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { error: "Fill in the form and try again." };
  // Echo back what was typed, except the password.
  const values = { name: text(formData.get("name"), 120), email: text(formData.get("email"), 254), role: text(formData.get("role"), 20) };
  const parsed = signUpSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
    role: formData.get("role"),
  });
  if (!parsed.success) {
    const fieldErrors: SignUpState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as Field] ??= issue.message;
    return { fieldErrors, values };
  }
  const fallback = parsed.data.role === "provider" ? "/provider" : "/account";
  const result = await createUnverifiedAccount({
    ...parsed.data,
    ip: clientAddress(await headers()),
    // Where the emailed link brings its owner back: the booking page with the chosen time, say.
    returnTo: safeReturnPath(formData.get("callbackUrl"), fallback),
  });
  if (!result.ok) return { error: result.reason === "busy" ? SIGN_IN_BUSY : tooManyAttemptsMessage(result.retryAfterMinutes), values };
  deliverOutboxSoon();
  return { sent: { message: SIGN_UP_SENT, email: parsed.data.email } };
}
