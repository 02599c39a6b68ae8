"use server";

import { CredentialsSignin } from "next-auth";
import { guardAction } from "@/lib/actions/guard";
import { createAccount } from "@/lib/auth/accounts";
import { safeReturnPath, signInRefusal } from "@/lib/auth/messages";
import { signIn } from "@/lib/auth/next-auth";
import { signUpSchema } from "@/lib/auth/validation";

type Field = "name" | "email" | "password" | "role";
export type SignUpState = { error?: string; fieldErrors?: Partial<Record<Field, string>>; values?: { name: string; email: string; role: string } };

const text = (value: FormDataEntryValue | null, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export async function signUpAction(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  return guardAction(() => signUp(previous, formData));
}

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
  const created = await createAccount(parsed.data);
  if (!created.ok) return created.field ? { fieldErrors: { [created.field]: created.message }, values } : { error: created.message, values };
  const fallback = parsed.data.role === "provider" ? "/provider" : "/account";
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(formData.get("callbackUrl"), fallback),
    });
  } catch (error) {
    // Success ends in a redirect, which Next throws and must be let through. A refusal here (the
    // hashing budget full, most likely) leaves a created account: say so, not that something broke.
    if (!(error instanceof CredentialsSignin)) throw error;
    return { error: `Your account is ready, but we could not sign you in just now. ${signInRefusal(error.code ?? "").message}`, values };
  }
  return {};
}
