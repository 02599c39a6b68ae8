"use server";

import { headers } from "next/headers";
import { authorizedAction, type ActionState } from "@/lib/actions/validated-action";
import { clientAddress } from "@/lib/auth/client-ip";
import { requestEmailChange } from "@/lib/auth/email-verification";
import { SIGN_IN_BUSY, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { changeEmailSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

/**
 * "Change email" on /account: emails a link to the new address; the account moves only when it is
 * opened. The answer is the same whether or not another account has that address.
 */
export const changeEmailAction = authorizedAction(
  ["patient", "provider", "admin"],
  changeEmailSchema,
  (form) => ({ newEmail: form.get("newEmail"), password: form.get("password") }),
  async ({ newEmail, password }, user): Promise<ActionState> => {
    const result = await requestEmailChange(user, { newEmail, password, ip: clientAddress(await headers()) });
    if (result.ok) {
      deliverOutboxSoon();
      return {
        ok: true,
        message: `We sent a link to ${newEmail}. Open it within 24 hours to make the change; until then your account keeps ${user.email}.`,
      };
    }
    switch (result.reason) {
      case "wrong_password":
        return { error: "Check the highlighted fields.", fieldErrors: { password: "That is not your current password." } };
      case "same_address":
        return { error: "Check the highlighted fields.", fieldErrors: { newEmail: "That is already your email address." } };
      case "busy":
        return { error: SIGN_IN_BUSY };
      case "limited":
        return { error: tooManyAttemptsMessage(result.retryAfterMinutes) };
    }
  },
);
