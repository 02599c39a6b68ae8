import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { createAccount } from "./accounts";
import { attemptSignIn } from "./sign-in";

const PASSWORD = "correct horse battery";
let n = 0;
const newEmail = () => `person${++n}@example.com`;

async function signUp(email = newEmail(), role: "patient" | "provider" = "patient") {
  const created = await createAccount({ name: "Test Person", email, password: PASSWORD, role });
  if (!created.ok) throw new Error(created.message);
  return { email, id: created.userId };
}

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
    const result = await attemptSignIn({ email: email.toUpperCase(), password: PASSWORD, ip: "203.0.113.1" });
    expect(result).toMatchObject({ ok: true, user: { email, role: "patient" } });
  });
});

describe("closed accounts", () => {
  it("refuse a suspended account's correct password with a clear reason", async () => {
    const { id, email } = await signUp();
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, id));
    expect(await attemptSignIn({ email, password: PASSWORD, ip: "203.0.113.2" })).toEqual({ ok: false, reason: "closed" });
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
