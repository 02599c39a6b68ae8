import "server-only";
import { eq, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { HashingBusyError } from "./hashing-budget";
import { spendVerificationTime, verifyPassword } from "./password";
import type { Role } from "./accounts";
import { throttleDecision, WINDOW_MINUTES, type FailureCounts, type ThrottleDecision } from "./throttle";

export type SignedInUser = { id: string; email: string; name: string; role: Role };
export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "closed" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number }
  /** The process's hashing budget is full (lib/auth/hashing-budget.ts): nothing was checked or counted. */
  | { ok: false; reason: "busy" };

export type SignInAttempt = { email: string; password: string; /** From clientAddress(). */ ip: string };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether `email` may be tried from `ip` now, and after how long a wait (lib/auth/throttle.ts).
 * One statement over the last 15 minutes' attempts; they live in the database, so every
 * serverless instance counts the same ones.
 */
export async function signInThrottle(email: string, ip: string, now: Date = new Date()): Promise<ThrottleDecision> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const [row] = await executeRows<{ addressFailures: number; addressOldest: string | null; pairFailures: number; pairOldest: string | null; emailFailures: number }>(sql`
    with recent as (
      select email, ip, succeeded, attempted_at from sign_in_attempts
      where (ip = ${ip} or email = ${email}) and attempted_at > ${windowStart}::timestamptz
    ), pair_start as (
      select coalesce(max(attempted_at), '-infinity'::timestamptz) as at from recent where email = ${email} and ip = ${ip} and succeeded
    )
    select
      count(*) filter (where ip = ${ip} and not succeeded)::int as "addressFailures",
      min(attempted_at) filter (where ip = ${ip} and not succeeded) as "addressOldest",
      count(*) filter (where email = ${email} and ip = ${ip} and not succeeded and attempted_at > (select at from pair_start))::int as "pairFailures",
      min(attempted_at) filter (where email = ${email} and ip = ${ip} and not succeeded and attempted_at > (select at from pair_start)) as "pairOldest",
      count(*) filter (where email = ${email} and not succeeded)::int as "emailFailures"
    from recent`);
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  const counts: FailureCounts = {
    address: { failures: row?.addressFailures ?? 0, oldest: date(row?.addressOldest) },
    emailAtAddress: { failures: row?.pairFailures ?? 0, oldest: date(row?.pairOldest) },
    email: { failures: row?.emailFailures ?? 0 },
  };
  return throttleDecision(counts, now);
}

/**
 * Checks an email and password: refused while the address, or the email from this address, is
 * locked out; answered after the email's delay otherwise; every answer recorded with the address.
 * `sleep` is for tests, which must not wait out the delays.
 */
export async function attemptSignIn(
  { email, password, ip }: SignInAttempt,
  { now = new Date(), sleep = wait }: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const throttle = await signInThrottle(normalized, ip, now);
  if (throttle.kind === "locked") return { ok: false, reason: "locked", retryAfterMinutes: throttle.retryAfterMinutes };
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);

  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalized));

  let passwordMatches = false;
  try {
    if (user) passwordMatches = await verifyPassword(user.passwordHash, password);
    else await spendVerificationTime(password);
  } catch (error) {
    if (error instanceof HashingBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  const active = user?.status === "active";

  await db.insert(signInAttempts).values({ email: normalized, ip, succeeded: passwordMatches && active, attemptedAt: now });
  if (!passwordMatches || !user) return { ok: false, reason: "invalid" };
  // Said only to someone who knows the password, so it reveals nothing to a stranger.
  if (!active) return { ok: false, reason: "closed" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
