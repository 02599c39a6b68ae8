// How hard sign-in pushes back, from the failures of the last 15 minutes. Never per email alone:
// then anyone who knows an address could keep its owner out. An address is locked out after 20
// failures, whatever emails it tried; an email and address together after 5 (a success from that
// pair starts it again). Failures on one email from many addresses, which no lock can stop without
// locking out the owner too, make every try at that email wait longer before it is answered,
// doubling from a quarter of a second up to four seconds, which is enough to make guessing slow
// and is never a lock.

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_EMAIL_AT_ADDRESS = 5;
/** Failures on one email, from anywhere, before its tries start to wait. */
export const DELAY_AFTER_FAILURES = 5;
export const FIRST_DELAY_MS = 250;
export const MAX_DELAY_MS = 4_000;

/** Failures within the window; `oldest` is the earliest of those that count, as an instant. */
export type FailureCount = { failures: number; oldest: Date | null };

export type FailureCounts = {
  /** From this address, on any email. */
  address: FailureCount;
  /** On this email from this address, since that pair's last success. */
  emailAtAddress: FailureCount;
  /** On this email, from any address. */
  email: { failures: number };
};

export type ThrottleDecision = { kind: "locked"; retryAfterMinutes: number } | { kind: "go"; delayMs: number };

/** Minutes until `count` falls below `limit` as the window moves on; 0 when it is below already. */
export function minutesUntilFree(count: FailureCount, limit: number, now: Date): number {
  if (count.failures < limit || !count.oldest) return 0;
  // The oldest failure that still counts decides when the window frees a try.
  const freeAt = count.oldest.getTime() + WINDOW_MINUTES * 60_000;
  return freeAt > now.getTime() ? Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) : 0;
}

export function throttleDecision(counts: FailureCounts, now: Date): ThrottleDecision {
  const retryAfterMinutes = Math.max(
    minutesUntilFree(counts.address, MAX_FAILURES_PER_ADDRESS, now),
    minutesUntilFree(counts.emailAtAddress, MAX_FAILURES_PER_EMAIL_AT_ADDRESS, now),
  );
  if (retryAfterMinutes > 0) return { kind: "locked", retryAfterMinutes };
  const over = counts.email.failures - DELAY_AFTER_FAILURES;
  return { kind: "go", delayMs: over < 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** over) };
}

// Emailed links (a password reset) are asked for, not guessed: the link itself is 32 random bytes.
// The limits keep anyone from flooding an inbox or using us to mail strangers: 3 links per email
// and 10 per address within the window. Requests for addresses without an account count the same,
// so a refusal says nothing about who has one.
export const MAX_LINKS_PER_EMAIL = 3;
export const MAX_LINK_REQUESTS_PER_ADDRESS = 10;

export type LinkRequestCounts = { address: FailureCount; email: FailureCount };

export type LinkRequestDecision = { kind: "go" } | { kind: "limited"; by: "address" | "email"; retryAfterMinutes: number };

export function linkRequestDecision(counts: LinkRequestCounts, now: Date): LinkRequestDecision {
  const byAddress = minutesUntilFree(counts.address, MAX_LINK_REQUESTS_PER_ADDRESS, now);
  if (byAddress > 0) return { kind: "limited", by: "address", retryAfterMinutes: byAddress };
  const byEmail = minutesUntilFree(counts.email, MAX_LINKS_PER_EMAIL, now);
  if (byEmail > 0) return { kind: "limited", by: "email", retryAfterMinutes: byEmail };
  return { kind: "go" };
}
