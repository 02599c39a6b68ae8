import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, emailOutbox, users } from "@/db/schema";
import { changeName, changePassword } from "./account-settings";
import { createAccount, provisionAdmin } from "./accounts";
import { findSessionUser, sessionKey, startSession, type SessionUser } from "./session-store";
import { attemptSignIn } from "./sign-in";

const PASSWORD = "the original password";
const NEW_PASSWORD = "a brand new password";
const T0 = new Date("2026-11-24T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
const address = () => `203.0.113.${++n % 250}`;
const noWait = { sleep: async () => {} };

async function account(role: "patient" | "provider" = "patient"): Promise<SessionUser> {
  const email = `settings${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await createAccount({ name: "Sam Settings", email, password: PASSWORD, role });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, email, name: "Sam Settings", role, mustChangePassword: false };
}

async function mailKinds(email: string) {
  const db = await getDb();
  return (await db.select({ kind: emailOutbox.kind, body: emailOutbox.bodyText }).from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt))).map((m) => m.kind);
}

const signIn = (email: string, password: string, now: Date) => attemptSignIn({ email, password, ip: address() }, { now, ...noWait });

describe("changing the account's name", () => {
  it("saves it, tells the owner by email and audits the change without the names", async () => {
    const user = await account();
    await changeName(user, "Samantha Settings");
    const db = await getDb();
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row!.name).toBe("Samantha Settings");
    expect(await mailKinds(user.email)).toContain("name_changed");
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, user.id), eq(auditEvents.action, "account.name_changed")));
    expect(JSON.stringify(audit)).not.toContain("Samantha");
  });
});

describe("changing the password", () => {
  it("needs the current password: a wrong one changes nothing and counts as a failed sign-in", async () => {
    const user = await account();
    expect(await changePassword(user, { currentPassword: "not it at all", password: NEW_PASSWORD, ip: address(), keepSessionKey: null }, { now: at(0), ...noWait })).toEqual({ ok: false, reason: "wrong_password" });
    expect((await signIn(user.email, PASSWORD, at(1))).ok).toBe(true);
    expect((await signIn(user.email, NEW_PASSWORD, at(1))).ok).toBe(false);
    expect(await mailKinds(user.email)).not.toContain("password_changed");
  });

  it("refuses the current password as the new one", async () => {
    const user = await account();
    expect(await changePassword(user, { currentPassword: PASSWORD, password: PASSWORD, ip: address(), keepSessionKey: null }, noWait)).toEqual({ ok: false, reason: "same_password" });
  });

  it("locks out guessing from one session as sign-in does", async () => {
    const user = await account();
    const ip = address();
    let last;
    for (let i = 0; i < 12; i++) last = await changePassword(user, { currentPassword: `guess number ${i}`, password: NEW_PASSWORD, ip, keepSessionKey: null }, { now: at(i / 10), ...noWait });
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    // Locked, even the right password is not checked.
    expect(await changePassword(user, { currentPassword: PASSWORD, password: NEW_PASSWORD, ip, keepSessionKey: null }, { now: at(2), ...noWait })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("sets the new one, ends the other sessions but not this one, and emails the owner", async () => {
    const user = await account();
    const here = sessionKey(await startSession(user.id, at(0)));
    const elsewhere = sessionKey(await startSession(user.id, at(0)));
    const result = await changePassword(user, { currentPassword: PASSWORD, password: NEW_PASSWORD, ip: address(), keepSessionKey: here }, { now: at(1), ...noWait });
    expect(result).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect(await findSessionUser(here, at(2))).toMatchObject({ id: user.id });
    expect(await findSessionUser(elsewhere, at(2))).toBeNull();
    expect((await signIn(user.email, PASSWORD, at(3))).ok).toBe(false);
    expect((await signIn(user.email, NEW_PASSWORD, at(3))).ok).toBe(true);
    expect(await mailKinds(user.email)).toContain("password_changed");
  });
});

describe("npm run admin:create", () => {
  it("never keeps an existing account's password: it sets a one-time one, ends sessions and demands a new password", async () => {
    const user = await account();
    const key = sessionKey(await startSession(user.id, new Date()));
    const result = await provisionAdmin(user.email.toUpperCase());
    expect(result).toMatchObject({ ok: true, outcome: "promoted" });
    if (!result.ok) return;
    expect(await findSessionUser(key)).toBeNull();
    expect((await signIn(user.email, PASSWORD, new Date())).ok).toBe(false);
    expect((await signIn(user.email, result.oneTimePassword, new Date())).ok).toBe(true);

    const fresh = sessionKey(await startSession(user.id));
    const admin = await findSessionUser(fresh);
    expect(admin).toMatchObject({ role: "admin", mustChangePassword: true });
    const changed = await changePassword(admin!, { currentPassword: result.oneTimePassword, password: NEW_PASSWORD, ip: address(), keepSessionKey: fresh }, noWait);
    expect(changed.ok).toBe(true);
    expect(await findSessionUser(fresh)).toMatchObject({ role: "admin", mustChangePassword: false });
  });

  it("creates a missing admin with a one-time password, and run again gives a new one", async () => {
    const email = `new-admin-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const first = await provisionAdmin(email);
    expect(first).toMatchObject({ ok: true, outcome: "created" });
    const again = await provisionAdmin(email);
    expect(again).toMatchObject({ ok: true, outcome: "password-reset" });
    if (!first.ok || !again.ok) return;
    expect(again.oneTimePassword).not.toBe(first.oneTimePassword);
    expect((await signIn(email, first.oneTimePassword, new Date())).ok).toBe(false);
    expect((await signIn(email, again.oneTimePassword, new Date())).ok).toBe(true);
  });

  it("refuses a disabled account and changes nothing", async () => {
    const user = await account();
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect(await provisionAdmin(user.email)).toMatchObject({ ok: false });
    const [row] = await db.select({ role: users.role, must: users.mustChangePassword }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ role: "patient", must: false });
  });
});
