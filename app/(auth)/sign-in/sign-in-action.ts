"use server";

import { CredentialsSignin } from "next-auth";
import { guardAction } from "@/lib/actions/guard";
import { safeReturnPath, signInRefusal, WRONG_CREDENTIALS } from "@/lib/auth/messages";
import { signIn } from "@/lib/auth/next-auth";
import { signInSchema } from "@/lib/auth/validation";

export type SignInState = { error?: string; fieldErrors?: Partial<Record<"email" | "password", string>>; email?: string };

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  return guardAction(() => signInWith(previous, formData));
}

async function signInWith(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { error: WRONG_CREDENTIALS };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 254) : "";
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "email" | "password"] ??= issue.message;
    return { fieldErrors, email };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(formData.get("callbackUrl"), "/account"),
    });
    return {};
  } catch (error) {
    // Success ends in a redirect, which Next throws and must be let through.
    if (!(error instanceof CredentialsSignin)) throw error;
    return { error: signInRefusal(error.code ?? "").message, email };
  }
}
