import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { HashingBusyError, hashingBudget } from "./hashing-budget";

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation). The
// parameters travel inside each hash, so raising them later still verifies old passwords. Every
// hash and verification goes through the process's hashing budget, which throws HashingBusyError
// when it is full.
export function hashPassword(password: string): Promise<string> {
  return hashingBudget.run(() => hash(password));
}

/**
 * A new password's hash, or null when the process's hashing budget is full: every caller answers
 * "busy, try again" then rather than failing.
 */
export async function hashNewPassword(password: string): Promise<string | null> {
  try {
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof HashingBusyError) return null;
    throw error;
  }
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return hashingBudget.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a crash.
      return false;
    }
  });
}

// Verifying against this for unknown emails makes "no such account" take as long as "wrong
// password", so response times do not reveal who has an account. The one hash behind it is made
// outside the budget: it is made once per process, and a refusal must not be remembered here.
let dummyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hash("relief-finder-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
