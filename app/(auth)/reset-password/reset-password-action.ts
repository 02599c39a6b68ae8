"use server";

import { redirect } from "next/navigation";
import { guardAction } from "@/lib/actions/guard";
import { RESET_LINK_SPENT, SIGN_IN_BUSY } from "@/lib/auth/messages";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

export type ResetPasswordState = { error?: string; fieldErrors?: { password?: string } };

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  return guardAction(async () => {
    if (!(formData instanceof FormData)) return { error: RESET_LINK_SPENT };
    const parsed = resetPasswordSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
    if (!parsed.success) {
      const passwordIssue = parsed.error.issues.find((issue) => issue.path[0] === "password");
      return passwordIssue ? { fieldErrors: { password: passwordIssue.message } } : { error: RESET_LINK_SPENT };
    }
    const result = await resetPassword(parsed.data);
    if (!result.ok) return { error: result.reason === "busy" ? SIGN_IN_BUSY : RESET_LINK_SPENT };
    deliverOutboxSoon();
    redirect("/sign-in?reset=done");
  });
}
