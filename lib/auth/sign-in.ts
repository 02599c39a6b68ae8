import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { spendVerificationTime, verifyPassword } from "./password";
import type { Role } from "./accounts";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignedInUser = { id: string; email: string; name: string; role: Role };
export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "closed" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * How long `email` must wait before trying again, or 0. Failures count within the last 15
 * minutes and since the last success; the count lives in the database, so every serverless
 * instance sees the same one.
 */
export async function lockoutMinutesLeft(email: string, now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const windowStart = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const [row] = await db
    .select({
      failures: sql<number>`count(*)::int`,
      // The oldest failure that still counts decides when the window frees a try.
      oldest: sql<string | null>`min(${signInAttempts.attemptedAt})`,
    })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.succeeded, false),
        sql`${signInAttempts.attemptedAt} > ${windowStart.toISOString()}::timestamptz`,
        sql`${signInAttempts.attemptedAt} > coalesce((select max(s.attempted_at) from sign_in_attempts s
              where s.email = ${email} and s.succeeded), '-infinity'::timestamptz)`,
      ),
    );
  if (!row || row.failures < MAX_FAILED_ATTEMPTS || !row.oldest) return 0;
  const freeAt = new Date(row.oldest).getTime() + LOCKOUT_MINUTES * 60_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

/** Checks an email and password, counting failures per email and refusing while locked out. */
export async function attemptSignIn(email: string, password: string, now: Date = new Date()): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const retryAfterMinutes = await lockoutMinutesLeft(normalized, now);
  if (retryAfterMinutes > 0) return { ok: false, reason: "locked", retryAfterMinutes };

  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalized));

  let passwordMatches = false;
  if (user) passwordMatches = await verifyPassword(user.passwordHash, password);
  else await spendVerificationTime(password);
  const active = user?.status === "active";

  await db.insert(signInAttempts).values({ email: normalized, succeeded: passwordMatches && active, attemptedAt: now });
  if (!passwordMatches || !user) return { ok: false, reason: "invalid" };
  // Said only to someone who knows the password, so it reveals nothing to a stranger.
  if (!active) return { ok: false, reason: "closed" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
