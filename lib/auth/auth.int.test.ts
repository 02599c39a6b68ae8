import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { createAccount } from "./accounts";
import { attemptSignIn, lockoutMinutesLeft } from "./sign-in";

const PASSWORD = "correct horse battery";
let n = 0;
const newEmail = () => `person${++n}@example.com`;

async function signUp(email = newEmail(), role: "patient" | "provider" = "patient") {
  const created = await createAccount({ name: "Test Person", email, password: PASSWORD, role });
  if (!created.ok) throw new Error(created.message);
  return { email, id: created.userId };
}

const minutes = (m: number) => m * 60_000;

describe("accounts", () => {
  it("stores an argon2id hash, never the password", async () => {
    const { id } = await signUp();
    const db = await getDb();
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a second account for the same email in any letter case", async () => {
    const email = newEmail();
    await signUp(email);
    const again = await createAccount({ name: "Twin", email: email.toUpperCase(), password: PASSWORD, role: "provider" });
    expect(again).toEqual({ ok: false, field: "email", message: expect.stringMatching(/already exists/) });
  });

  it("signs in with any letter case of the email", async () => {
    const { email } = await signUp();
    const result = await attemptSignIn(email.toUpperCase(), PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { email, role: "patient" } });
  });
});

describe("sign-in lockout", () => {
  it("locks an email after 5 failures within 15 minutes and says how long to wait", async () => {
    const { email } = await signUp();
    const start = new Date("2026-11-24T12:00:00Z");
    for (let i = 0; i < 5; i++) {
      const result = await attemptSignIn(email, "wrong password!", new Date(start.getTime() + minutes(i)));
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    // Even the right password is refused while locked.
    const locked = await attemptSignIn(email, PASSWORD, new Date(start.getTime() + minutes(5)));
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 10 });
    // The first failure leaves the window 15 minutes after it happened.
    expect(await lockoutMinutesLeft(email, new Date(start.getTime() + minutes(14) + 30_000))).toBe(1);
    const later = await attemptSignIn(email, PASSWORD, new Date(start.getTime() + minutes(15) + 1_000));
    expect(later.ok).toBe(true);
  });

  it("counts only failures since the last successful sign-in", async () => {
    const { email } = await signUp();
    const t = new Date("2026-11-24T13:00:00Z").getTime();
    for (let i = 0; i < 4; i++) await attemptSignIn(email, "nope nope nope", new Date(t + i * 1000));
    expect((await attemptSignIn(email, PASSWORD, new Date(t + 5_000))).ok).toBe(true);
    for (let i = 0; i < 4; i++) await attemptSignIn(email, "nope nope nope", new Date(t + 10_000 + i * 1000));
    expect(await lockoutMinutesLeft(email, new Date(t + 20_000))).toBe(0);
  });

  it("limits guesses at emails that have no account too", async () => {
    const email = newEmail();
    const t = new Date("2026-11-24T14:00:00Z").getTime();
    for (let i = 0; i < 5; i++) await attemptSignIn(email, "whatever it is", new Date(t + i * 1000));
    expect(await lockoutMinutesLeft(email, new Date(t + 10_000))).toBeGreaterThan(0);
  });
});

describe("closed accounts", () => {
  it("refuse a suspended account's correct password with a clear reason", async () => {
    const { id, email } = await signUp();
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, id));
    expect(await attemptSignIn(email, PASSWORD)).toEqual({ ok: false, reason: "closed" });
  });
});

describe("audit log", () => {
  it("records account creation and cannot be changed or deleted", async () => {
    const { id } = await signUp();
    const db = await getDb();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(rows.map((r) => r.action)).toEqual(["account.created"]);
    await expect(db.update(auditEvents).set({ action: "rewritten" }).where(eq(auditEvents.subjectId, id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.subjectId, id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id))).toHaveLength(1);
  });
});
