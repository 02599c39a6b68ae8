import { inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { env } from "@/lib/env";
import { createAccount } from "./accounts";
import { SIGN_IN_BUSY } from "./messages";
import { hashingBudget } from "./hashing-budget";
import { credentialsClient, signedIn } from "./testing/credentials-client";

// A flood of sign-ins at Auth.js's endpoint, each from its own address so that no throttle steps
// in: the hashing budget keeps a few verifications running, turns the rest away with 429 at once,
// and the server is free again right after.

const FLOOD = 40;
const trustedBefore = env.TRUSTED_PROXY_IP_HEADER;

afterEach(() => {
  env.TRUSTED_PROXY_IP_HEADER = trustedBefore;
});

describe("a flood of sign-ins", () => {
  it("gets quick 429s with Retry-After beyond the hashing budget, not a hang, and counts no refused try", async () => {
    env.TRUSTED_PROXY_IP_HEADER = "x-forwarded-for";
    // Made first, so the database is open (migrated) before the clock starts.
    const email = "after.the.flood@example.com";
    expect((await createAccount({ name: "After Flood", email, password: "correct horse battery", role: "patient" })).ok).toBe(true);
    const post = await credentialsClient();
    const emails = Array.from({ length: FLOOD }, (_, i) => `flood${i}@example.com`);
    const started = performance.now();
    const responses = await Promise.all(emails.map((email, i) => post(email, "a wrong password", `198.18.0.${i + 1}`)));
    const seconds = (performance.now() - started) / 1000;

    const busy = responses.filter((r) => r.status === 429);
    const refused = responses.filter((r) => r.status === 302 && /code=invalid/.test(r.headers.get("location") ?? ""));
    expect(busy.length + refused.length).toBe(FLOOD);
    expect(busy.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of busy) {
      expect(response.headers.get("retry-after")).toBe("2");
      expect(await response.json()).toEqual({ error: { message: SIGN_IN_BUSY } });
    }
    // Bounded by the ten verified (2 at once, 8 in line), not by the flood: ~2 s on PGlite here, ~1 s on the server.
    expect(seconds).toBeLessThan(10);
    expect([hashingBudget.running, hashingBudget.waiting]).toEqual([0, 0]);

    // A refused try was never checked, so it does not count towards any lock.
    const db = await getDb();
    expect(await db.$count(signInAttempts, inArray(signInAttempts.email, emails))).toBe(refused.length);

    // And the next person gets in.
    expect(signedIn(await post(email, "correct horse battery", "192.0.2.99"))).toBe(true);
  });
});
