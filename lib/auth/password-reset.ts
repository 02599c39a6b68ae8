import "server-only";
import { and, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountTokens, signInAttempts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { queuePasswordChangedEmail, queuePasswordResetEmail, RESET_LINK_MINUTES } from "@/lib/notifications/account-emails";
import { linkTokenHash, newLinkToken } from "./link-tokens";
import { hashNewPassword } from "./password";
import { revokeUserSessions } from "./session-store";
import { linkRequestAllowed, recordLinkRequest } from "./link-requests";

// "Forgot your password?": a link by email, good once for an hour, that sets a new password and
// ends every session of the account. The answer to a request is the same whether or not an
// account has the address, and so are the limits (lib/auth/throttle.ts), which count requests for
// unknown addresses too.

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterMinutes: number };

export type ResetResult = { ok: true } | { ok: false; reason: "invalid" | "busy" };

/**
 * Emails a reset link to `email` when an active account has it; records the request either way.
 * Refused (nothing recorded, nothing sent) while the address or the email is over its limit.
 */
export async function requestPasswordReset({ email, ip }: { email: string; ip: string }, now: Date = new Date()): Promise<ResetRequestResult> {
  const normalized = email.trim().toLowerCase();
  const decision = await linkRequestAllowed("password_reset", normalized, ip, now);
  if (decision.kind === "limited") return { ok: false, retryAfterMinutes: decision.retryAfterMinutes };

  const db = await getDb();
  await db.transaction(async (tx) => {
    await recordLinkRequest(tx, "password_reset", normalized, ip, now);
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, normalized), eq(users.status, "active")));
    // A suspended or closed account could not sign in with a new password either.
    if (!user) return;
    // The account's spent and lapsed links open nothing; they go when a new one is made.
    await tx.delete(accountTokens).where(and(eq(accountTokens.userId, user.id), or(isNotNull(accountTokens.usedAt), lte(accountTokens.expiresAt, now))));
    const { token, hash } = newLinkToken();
    await tx.insert(accountTokens).values({
      tokenHash: hash,
      userId: user.id,
      purpose: "password_reset",
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
    });
    await queuePasswordResetEmail(tx, user.email, token);
    await recordAudit(tx, { actorId: null, action: "account.password_reset_requested", subjectType: "user", subjectId: user.id, details: {} });
  });
  return { ok: true };
}

/** The account a reset link opens, while it is unused and unexpired and the account active; else null. */
async function resetTarget(token: string, now: Date): Promise<{ userId: string; email: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, linkTokenHash(token)),
        eq(accountTokens.purpose, "password_reset"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
        eq(users.status, "active"),
      ),
    );
  return row ?? null;
}

/** Whether a reset link still works, so its page can say so before anyone types a password. */
export async function isResetLinkUsable(token: string, now: Date = new Date()): Promise<boolean> {
  return (await resetTarget(token, now)) !== null;
}

/**
 * Sets a new password through a reset link. In one transaction: the link is spent (by the
 * statement that checks it is unspent, so two tabs cannot both use it), the account's other reset
 * links are spent too, every session ends, its failed sign-ins stop counting, and the owner is
 * told by email.
 */
export async function resetPassword({ token, password }: { token: string; password: string }, now: Date = new Date()): Promise<ResetResult> {
  // Checked before hashing, so a stale link costs no hashing time.
  const target = await resetTarget(token, now);
  if (!target) return { ok: false, reason: "invalid" };
  const passwordHash = await hashNewPassword(password);
  if (passwordHash === null) return { ok: false, reason: "busy" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ResetResult> => {
    const [spent] = await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.tokenHash, linkTokenHash(token)), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .returning({ userId: accountTokens.userId });
    if (!spent) return { ok: false, reason: "invalid" };
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, spent.userId), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt)));
    // The link reached the address, which is all a verification link proves: an account nobody
    // confirmed (someone else signed up with the owner's address, say) becomes the owner's.
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, spent.userId));
    const sessions = await revokeUserSessions(tx, spent.userId, now);
    // Failures before the reset were against the old password; they no longer lock the owner out.
    await tx.delete(signInAttempts).where(and(eq(signInAttempts.email, target.email.toLowerCase()), eq(signInAttempts.succeeded, false)));
    await queuePasswordChangedEmail(tx, target.email, now);
    await recordAudit(tx, { actorId: spent.userId, action: "account.password_reset", subjectType: "user", subjectId: spent.userId, details: { sessionsEnded: sessions } });
    return { ok: true };
  });
}
