import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "./accounts";
import { auth } from "./next-auth";
import { findSessionUser, type SessionUser } from "./session-store";

export type CurrentUser = SessionUser;

/**
 * The signed-in user, or null. The cookie alone is not trusted: its session row must be live and
 * the account active, so a sign-out, an admin disabling the account or an idle timeout ends the
 * session on its very next request, copies of the cookie included. One query per request, shared
 * through cache().
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  return session?.sessionKey ? findSessionUser(session.sessionKey) : null;
});

/** For pages: the signed-in user with one of `roles`; sends others to sign in, or answers 403. */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
