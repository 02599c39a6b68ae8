import { describe, expect, it } from "vitest";
import { linkRequestDecision, throttleDecision, type FailureCounts } from "./throttle";

const NOW = new Date("2026-11-24T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function counts({ address = 0, pair = 0, email = 0, oldestMinutesAgo = 5 }: { address?: number; pair?: number; email?: number; oldestMinutesAgo?: number }): FailureCounts {
  const oldest = (n: number) => (n > 0 ? minutesAgo(oldestMinutesAgo) : null);
  return { address: { failures: address, oldest: oldest(address) }, emailAtAddress: { failures: pair, oldest: oldest(pair) }, email: { failures: email } };
}

describe("the sign-in throttle", () => {
  it("lets a first try through at once", () => {
    expect(throttleDecision(counts({}), NOW)).toEqual({ kind: "go", delayMs: 0 });
  });

  it("locks an email at one address after 5 failures there, until the oldest is 15 minutes old", () => {
    expect(throttleDecision(counts({ pair: 4, address: 4, email: 4 }), NOW)).toEqual({ kind: "go", delayMs: 0 });
    expect(throttleDecision(counts({ pair: 5, address: 5, email: 5, oldestMinutesAgo: 5 }), NOW)).toEqual({ kind: "locked", retryAfterMinutes: 10 });
    expect(throttleDecision(counts({ pair: 5, oldestMinutesAgo: 14.5 }), NOW)).toEqual({ kind: "locked", retryAfterMinutes: 1 });
    expect(throttleDecision(counts({ pair: 5, oldestMinutesAgo: 15 }), NOW)).toEqual({ kind: "go", delayMs: 0 });
  });

  it("locks an address after 20 failures, whichever emails it tried", () => {
    expect(throttleDecision(counts({ address: 19 }), NOW)).toMatchObject({ kind: "go" });
    expect(throttleDecision(counts({ address: 20, oldestMinutesAgo: 1 }), NOW)).toEqual({ kind: "locked", retryAfterMinutes: 14 });
  });

  it("never locks an email for failures from elsewhere: it slows it, doubling up to 4 seconds", () => {
    const delays = [0, 4, 5, 6, 7, 8, 9, 10, 1000].map((email) => throttleDecision(counts({ email }), NOW));
    expect(delays).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000].map((delayMs) => ({ kind: "go", delayMs })));
  });
});

describe("the emailed-link limits", () => {
  const requests = (address: number, email: number, oldestMinutesAgo = 5) => ({
    address: { failures: address, oldest: address > 0 ? minutesAgo(oldestMinutesAgo) : null },
    email: { failures: email, oldest: email > 0 ? minutesAgo(oldestMinutesAgo) : null },
  });

  it("allow 3 links per email and 10 requests per address in 15 minutes", () => {
    expect(linkRequestDecision(requests(9, 2), NOW)).toEqual({ kind: "go" });
    expect(linkRequestDecision(requests(3, 3), NOW)).toEqual({ kind: "limited", by: "email", retryAfterMinutes: 10 });
    expect(linkRequestDecision(requests(10, 0, 14), NOW)).toEqual({ kind: "limited", by: "address", retryAfterMinutes: 1 });
  });
});
