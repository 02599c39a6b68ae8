"use server";

import { auth, signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/session-store";

// The row is ended before the cookie is cleared: should that fail, the person sees an error and
// stays signed in, rather than believing a copy of their cookie no longer works.
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionKey) await revokeSession(session.sessionKey);
  await signOut({ redirectTo: "/" });
}
