import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET } from "@/app/api/cron/reminders/route";

const call = (authorization?: string) =>
  GET(new NextRequest("http://localhost:3000/api/cron/reminders", authorization ? { headers: { authorization } } : {}));

describe("GET /api/cron/reminders", () => {
  const original = { secret: env.CRON_SECRET, nodeEnv: env.NODE_ENV };
  afterEach(() => {
    env.CRON_SECRET = original.secret;
    env.NODE_ENV = original.nodeEnv;
  });

  it("answers only the scheduler's bearer secret when one is configured", async () => {
    env.CRON_SECRET = "a-long-cron-secret-value";
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret-value-123")).status).toBe(401);
    const ok = await call("Bearer a-long-cron-secret-value");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reminders: 0, holdsExpired: expect.any(Number), requestsLapsed: expect.any(Number), unlicensedCancelled: expect.any(Number), licenseNotices: expect.any(Number), diaryReminders: expect.any(Number), nextVisitReminders: expect.any(Number), refunds: { refunded: 0, failed: 0 }, sent: 0, failed: 0, purged: { emails: expect.any(Number), signInAttempts: expect.any(Number), waitlists: expect.any(Number) }, nextOpenings: { successorsSwapped: expect.any(Number), recomputed: expect.any(Number), successorsPrepared: expect.any(Number) } });
  });

  it("refuses to run in production without a configured secret", async () => {
    env.CRON_SECRET = undefined;
    env.NODE_ENV = "production";
    expect((await call()).status).toBe(503);
  });
});
