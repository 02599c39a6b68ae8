import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, authSessions, users } from "@/db/schema";
import { createUser } from "@/db/testing/fixtures";
import { provisionAdmin } from "./accounts";
import { endOwnSessions, findSessionUser, revokeSession, sessionKey, startSession } from "./session-store";

const T0 = new Date("2026-11-24T09:00:00Z");
const after = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function signedIn(role: "patient" | "provider" | "admin", at = T0) {
  const user = await createUser(role);
  const token = await startSession(user.id, at);
  return { user, token, key: sessionKey(token) };
}

async function row(key: string) {
  const db = await getDb();
  const [found] = await db.select().from(authSessions).where(eq(authSessions.tokenHash, key));
  return found!;
}

describe("server-side sessions", () => {
  it("keep only a hash of the token the cookie carries", async () => {
    const { token, key } = await signedIn("patient");
    const db = await getDb();
    const stored = await db.select().from(authSessions).where(eq(authSessions.tokenHash, key));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await findSessionUser(token, T0)).toBeNull();
  });

  it("end for good when signed out: the same token no longer opens anything", async () => {
    const { user, key } = await signedIn("patient");
    expect(await findSessionUser(key, after(MINUTE))).toMatchObject({ id: user.id, role: "patient" });
    await revokeSession(key, after(2 * MINUTE));
    expect(await findSessionUser(key, after(3 * MINUTE))).toBeNull();
  });

  it("sign out of all devices ends every session of that person only, and is audited", async () => {
    const user = await createUser("patient");
    const other = await signedIn("patient");
    const keys = [sessionKey(await startSession(user.id, T0)), sessionKey(await startSession(user.id, T0))];
    expect(await endOwnSessions(user, after(MINUTE))).toBe(2);
    for (const key of keys) expect(await findSessionUser(key, after(2 * MINUTE))).toBeNull();
    expect(await findSessionUser(other.key, after(2 * MINUTE))).toMatchObject({ id: other.user.id });
    const db = await getDb();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((a) => [a.action, a.actorId, a.details])).toEqual([["account.signed_out_everywhere", user.id, { sessions: 2 }]]);
  });

  it("end on the next request when the account is no longer active", async () => {
    const { user, key } = await signedIn("provider");
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect(await findSessionUser(key, after(MINUTE))).toBeNull();
  });

  it("end when the account becomes an admin, which then signs in again", async () => {
    const { user, key } = await signedIn("patient");
    expect(await provisionAdmin(user.email)).toMatchObject({ ok: true, outcome: "promoted" });
    expect(await findSessionUser(key, after(MINUTE))).toBeNull();
    const fresh = sessionKey(await startSession(user.id, after(MINUTE)));
    expect(await findSessionUser(fresh, after(2 * MINUTE))).toMatchObject({ id: user.id, role: "admin" });
  });

  for (const role of ["provider", "admin"] as const) {
    it(`of a ${role} end after 30 minutes without a request`, async () => {
      const { key } = await signedIn(role);
      expect(await findSessionUser(key, after(20 * MINUTE))).not.toBeNull();
      // 29 minutes after the last request: still open, and the request counts as activity.
      expect(await findSessionUser(key, after(49 * MINUTE))).not.toBeNull();
      expect(await findSessionUser(key, after(49 * MINUTE + 30 * MINUTE + SECOND))).toBeNull();
    });

    it(`of a ${role} end 12 hours after sign-in however active`, async () => {
      const { key } = await signedIn(role);
      for (let t = 10 * MINUTE; t < 12 * HOUR; t += 10 * MINUTE) expect(await findSessionUser(key, after(t))).not.toBeNull();
      expect(await findSessionUser(key, after(12 * HOUR - SECOND))).not.toBeNull();
      expect(await findSessionUser(key, after(12 * HOUR))).toBeNull();
    });
  }

  it("of a patient roll on for 30 days after each visit, and end 30 days after the last", async () => {
    const { key } = await signedIn("patient");
    expect(await findSessionUser(key, after(29 * DAY))).not.toBeNull();
    expect(await findSessionUser(key, after(58 * DAY))).not.toBeNull();
    expect(await findSessionUser(key, after(88 * DAY - SECOND))).not.toBeNull();
    expect(await findSessionUser(key, after(118 * DAY))).toBeNull();
  });

  it("write last_seen_at at most once a minute", async () => {
    const { key } = await signedIn("provider");
    await findSessionUser(key, after(30 * SECOND));
    expect((await row(key)).lastSeenAt).toEqual(T0);
    await findSessionUser(key, after(61 * SECOND));
    expect((await row(key)).lastSeenAt).toEqual(after(61 * SECOND));
    await findSessionUser(key, after(90 * SECOND));
    expect((await row(key)).lastSeenAt).toEqual(after(61 * SECOND));
  });

  it("a new sign-in clears that person's ended sessions", async () => {
    const { user, key } = await signedIn("patient");
    await revokeSession(key, after(MINUTE));
    const fresh = sessionKey(await startSession(user.id, after(2 * MINUTE)));
    const db = await getDb();
    const rows = await db.select({ key: authSessions.tokenHash }).from(authSessions).where(eq(authSessions.userId, user.id));
    expect(rows).toEqual([{ key: fresh }]);
  });
});
