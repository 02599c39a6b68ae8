import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { env } from "@/lib/env";
import { createAccount } from "./accounts";
import { attemptSignIn } from "./sign-in";
import { credentialsClient, signedIn } from "./testing/credentials-client";

const PASSWORD = "correct horse battery";
const WRONG = "not the password";
const T0 = new Date("2026-11-24T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let n = 0;

async function account() {
  const email = `throttled${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await createAccount({ name: "Throttled Person", email, password: PASSWORD, role: "patient" });
  if (!created.ok) throw new Error(created.message);
  return email;
}

/** A fresh documentation-range address per call, so tests never share a bucket. */
const address = () => `203.0.113.${++n % 250}`;

/** Tries without waiting out the delays, recording each one asked for. */
function tryer() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  const attempt = (email: string, password: string, ip: string, now: Date) => attemptSignIn({ email, password, ip }, { now, sleep });
  return { attempt, delays };
}

describe("sign-in throttles", () => {
  it("lock an email at one address after 5 failures there; its owner elsewhere still signs in", async () => {
    const email = await account();
    const { attempt } = tryer();
    const [attacker, owner] = [address(), address()];
    for (let i = 0; i < 5; i++) expect(await attempt(email, WRONG, attacker, at(i))).toEqual({ ok: false, reason: "invalid" });
    // Even the right password is refused from there.
    expect(await attempt(email, PASSWORD, attacker, at(60))).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 14 });
    expect(await attempt(email, PASSWORD, owner, at(61))).toMatchObject({ ok: true });
    // The lock ends 15 minutes after the oldest failure that counts.
    expect(await attempt(email, PASSWORD, attacker, at(15 * 60 + 1))).toMatchObject({ ok: true });
  });

  it("lock an address after 20 failures on any emails, for every email, without touching other addresses", async () => {
    const email = await account();
    const { attempt } = tryer();
    const [sprayer, elsewhere] = [address(), address()];
    for (let i = 0; i < 20; i++) expect(await attempt(`nobody${i}-${n}@example.com`, WRONG, sprayer, at(i))).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attempt(email, PASSWORD, sprayer, at(30))).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(email, PASSWORD, elsewhere, at(31))).toMatchObject({ ok: true });
  });

  it("start an email's count at one address again after a success there, but not the address's", async () => {
    const email = await account();
    const { attempt } = tryer();
    const ip = address();
    for (let i = 0; i < 4; i++) await attempt(email, WRONG, ip, at(i));
    expect(await attempt(email, PASSWORD, ip, at(10))).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await attempt(email, WRONG, ip, at(20 + i))).toMatchObject({ reason: "invalid" });
    expect(await attempt(email, PASSWORD, ip, at(30))).toMatchObject({ ok: true });
    // Its successes cleared nothing for the address: 20 failures in the window lock it, whoever signs in.
    for (let i = 0; i < 4; i++) await attempt(email, WRONG, ip, at(40 + i));
    for (let i = 0; i < 8; i++) await attempt(`other${i}-${n}@example.com`, WRONG, ip, at(50 + i));
    expect(await attempt(await account(), PASSWORD, ip, at(60))).toMatchObject({ ok: false, reason: "locked" });
  });

  it("never lock an email that many addresses fail on: they slow it, by at most 4 seconds", async () => {
    const email = await account();
    const { attempt, delays } = tryer();
    for (let i = 0; i < 12; i++) expect(await attempt(email, WRONG, address(), at(i))).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(email, PASSWORD, address(), at(20))).toMatchObject({ ok: true });
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
  });

  it("record the address of every attempt", async () => {
    const email = await account();
    const ip = address();
    await tryer().attempt(email, WRONG, ip, T0);
    const db = await getDb();
    const rows = await db.select({ ip: signInAttempts.ip, succeeded: signInAttempts.succeeded }).from(signInAttempts).where(and(eq(signInAttempts.email, email)));
    expect(rows).toEqual([{ ip, succeeded: false }]);
  });
});

// Through Auth.js's own endpoint, as a client posting directly would: the throttles answer 429
// with Retry-After, and the address comes from the proxy's header only when it is trusted.
describe("the credentials endpoint", () => {
  const trustedBefore = env.TRUSTED_PROXY_IP_HEADER;
  afterEach(() => {
    env.TRUSTED_PROXY_IP_HEADER = trustedBefore;
  });

  it("trusting x-forwarded-for: locks out the attacker's address only", async () => {
    env.TRUSTED_PROXY_IP_HEADER = "x-forwarded-for";
    const email = await account();
    const post = await credentialsClient();
    for (let i = 0; i < 5; i++) expect((await post(email, WRONG, "198.51.100.7")).headers.get("location")).toMatch(/error=CredentialsSignin&code=invalid/);
    const locked = await post(email, PASSWORD, "198.51.100.7");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(14 * 60);
    expect(await locked.json()).toEqual({ error: { message: expect.stringMatching(/^Too many attempts\. Try again in 1[45] minutes\.$/) } });
    expect(signedIn(await post(email, PASSWORD, "192.0.2.80"))).toBe(true);
  });

  it("trusting no header: a claimed new address is the same unknown client, still locked", async () => {
    env.TRUSTED_PROXY_IP_HEADER = undefined;
    const email = await account();
    const post = await credentialsClient();
    for (let i = 0; i < 5; i++) await post(email, WRONG, `198.51.100.${20 + i}`);
    expect((await post(email, PASSWORD, "192.0.2.81")).status).toBe(429);
    const db = await getDb();
    const recorded = await db.selectDistinct({ ip: signInAttempts.ip }).from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(recorded).toEqual([{ ip: "unknown" }]);
  });
});
