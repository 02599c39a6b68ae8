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

/** The key of this browser's session row, so a change made here can end the others but not this one. */
export async function currentSessionKey(): Promise<string | null> {
  return (await auth())?.sessionKey ?? null;
}

/** Where someone signed in with a one-time password goes, whatever they asked for. */
export const CHOOSE_PASSWORD_PATH = "/account/password";

/**
 * For pages: the signed-in user with one of `roles`; sends others to sign in, or answers 403.
 * An account holding a one-time password sees nothing but the page to choose a new one.
 */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.mustChangePassword && returnTo !== CHOOSE_PASSWORD_PATH) redirect(CHOOSE_PASSWORD_PATH);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
