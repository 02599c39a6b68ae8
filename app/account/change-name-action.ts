"use server";

import { authorizedAction } from "@/lib/actions/validated-action";
import { changeName } from "@/lib/auth/account-settings";
import { changeNameSchema } from "@/lib/auth/validation";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";

export const changeNameAction = authorizedAction(
  ["patient", "provider", "admin"],
  changeNameSchema,
  (form) => ({ name: form.get("name") }),
  async ({ name }, user) => {
    await changeName(user, name);
    deliverOutboxSoon();
    return { ok: true, message: "Your name is saved." };
  },
);
