"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/validated-action";
import { signOut } from "@/lib/auth/next-auth";
import { endOwnSessions } from "@/lib/auth/session-store";

export const signOutEverywhereAction = authorizedAction(
  ["patient", "provider", "admin"],
  z.object({}),
  () => ({}),
  async (_input, user) => {
    await endOwnSessions(user);
    // This browser's session ended with the others; clearing its cookie too is only tidiness.
    await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
    return { ok: true };
  },
);
