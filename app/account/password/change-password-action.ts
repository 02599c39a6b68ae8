"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authorizedAction, type ActionState } from "@/lib/actions/validated-action";
import { changePassword } from "@/lib/auth/account-settings";
import { clientAddress } from "@/lib/auth/client-ip";
import { SIGN_IN_BUSY, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { currentSessionKey } from "@/lib/auth/session";
import { changePasswordSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

export const changePasswordAction = authorizedAction(
  ["patient", "provider", "admin"],
  changePasswordSchema,
  (form) => ({ currentPassword: form.get("currentPassword"), password: form.get("password") }),
  async (input, user): Promise<ActionState> => {
    const result = await changePassword(user, { ...input, ip: clientAddress(await headers()), keepSessionKey: await currentSessionKey() });
    if (!result.ok) {
      if (result.reason === "locked") return { error: tooManyAttemptsMessage(result.retryAfterMinutes) };
      if (result.reason === "busy") return { error: SIGN_IN_BUSY };
      if (result.reason === "same_password") return { fieldErrors: { password: "Choose a password different from the current one." } };
      return { fieldErrors: { currentPassword: "That is not your current password." } };
    }
    deliverOutboxSoon();
    // Someone who had to choose a password goes on to what their role opens; others stay here.
    if (user.mustChangePassword) redirect("/account?password=changed");
    return { ok: true, message: result.otherSessionsEnded > 0 ? "Your new password is saved, and your other devices were signed out." : "Your new password is saved." };
  },
  { whilePasswordChangeIsDue: true },
);
