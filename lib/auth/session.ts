import "server-only";
import { and, eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import type { Role } from "./accounts";
import { auth } from "./next-auth";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, or null. The session token alone is not trusted: the account must still be
 * active and the token's session version current, so suspending an account (or changing its role)
 * ends its sessions on their very next request. One query per request, shared through cache().
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  const id = session?.user?.id;
  return id ? findSessionUser(id, session?.sessionVersion ?? 0) : null;
});

/** The account behind a session token, if it is still active and the token's version current. */
export async function findSessionUser(id: string, sessionVersion: number): Promise<CurrentUser | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, "active"), eq(users.sessionVersion, sessionVersion)));
  return user ?? null;
}

/** For pages: the signed-in user with one of `roles`; sends others to sign in, or answers 403. */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
