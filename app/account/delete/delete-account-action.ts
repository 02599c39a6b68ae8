"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/account/delete";
import { authorizedAction, type ActionState } from "@/lib/actions/validated-action";
import { clientAddress } from "@/lib/auth/client-ip";
import { signOut } from "@/lib/auth/next-auth";
import { deleteAccountSchema } from "@/lib/auth/validation";
import { afterBookingChange } from "@/lib/booking/after-change";

export const deleteAccountAction = authorizedAction(
  ["patient", "provider"],
  deleteAccountSchema,
  (form) => ({ password: form.get("password") }),
  async ({ password }, user): Promise<ActionState> => {
    const result = await deleteAccount(user, { password, ip: clientAddress(await headers()) });
    if (!result.ok) return result.reason === "wrong_password" ? { fieldErrors: { password: result.message } } : { error: result.message };
    afterBookingChange();
    // The session row is gone already; this clears the cookie too.
    await signOut({ redirect: false });
    redirect("/sign-in?deleted=1");
  },
);
