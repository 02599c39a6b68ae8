import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, providers, users } from "@/db/schema";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { createAccount } from "./accounts";
import { disableAccount, enableAccount, searchAccountsForAdmin } from "./account-moderation";
import { ForbiddenError } from "./authorize";
import { findSessionUser, sessionKey, startSession } from "./session-store";
import { attemptSignIn } from "./sign-in";

const PASSWORD = "correct horse battery";
const NOW = new Date("2026-11-24T12:00:00Z");
let n = 0;

async function person(role: "patient" | "provider" = "patient") {
  const email = `moderated${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await createAccount({ name: `Person ${n}`, email, password: PASSWORD, role });
  if (!created.ok) throw new Error(created.message);
  const [row] = await (await getDb()).select().from(users).where(eq(users.id, created.userId));
  return { id: created.userId, email, name: row!.name, role };
}

const signIn = (email: string) => attemptSignIn({ email, password: PASSWORD, ip: "198.51.100.1" });

beforeAll(async () => {
  await seedReferenceData();
});

describe("an admin disabling an account", () => {
  it("signs the person out everywhere at once, refuses their sign-in, and audits the reason", async () => {
    const admin = await createUser("admin");
    const patient = await person();
    const keys = [sessionKey(await startSession(patient.id, NOW)), sessionKey(await startSession(patient.id, NOW))];
    expect(await disableAccount(admin, { userId: patient.id, reason: "Abusive messages to clinics" }, NOW)).toMatchObject({ ok: true });
    for (const key of keys) expect(await findSessionUser(key, NOW)).toBeNull();
    expect(await signIn(patient.email)).toEqual({ ok: false, reason: "closed" });
    const db = await getDb();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, patient.id));
    expect(audit.map((a) => [a.action, a.actorId, a.details])).toContainEqual(["account.disabled", admin.id, { reason: "Abusive messages to clinics", sessionsEnded: 2 }]);
  });

  it("enabling restores sign-in but not the sessions that were ended", async () => {
    const admin = await createUser("admin");
    const patient = await person();
    const old = sessionKey(await startSession(patient.id, NOW));
    await disableAccount(admin, { userId: patient.id, reason: "Checking a report" }, NOW);
    expect(await enableAccount(admin, { userId: patient.id })).toEqual({ ok: true, message: `${patient.name} can sign in again.` });
    expect(await findSessionUser(old, NOW)).toBeNull();
    expect(await signIn(patient.email)).toMatchObject({ ok: true });
    const db = await getDb();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, patient.id))).map((a) => a.action);
    expect(actions).toEqual(["account.created", "account.disabled", "account.enabled"]);
  });

  it("suspends a provider's listing with the account, and enabling leaves it suspended", async () => {
    const admin = await createUser("admin");
    const provider = await person("provider");
    const listing = await createProvider({ name: "Disabled Provider", provider: { userId: provider.id } });
    const disabled = await disableAccount(admin, { userId: provider.id, reason: "License revoked by the board" }, NOW);
    expect(disabled).toEqual({ ok: true, message: `${provider.name}'s account is disabled and signed out everywhere; their listing is suspended.` });
    const db = await getDb();
    const suspendedAt = async () => (await db.select({ at: providers.suspendedAt }).from(providers).where(eq(providers.id, listing.id)))[0]!.at;
    expect(await suspendedAt()).toEqual(NOW);
    expect(await enableAccount(admin, { userId: provider.id })).toEqual({
      ok: true,
      message: `${provider.name} can sign in again. Their listing stays suspended until you reinstate it under Providers.`,
    });
    expect(await suspendedAt()).toEqual(NOW);
  });

  it("is for admins only, never on their own account or another admin's", async () => {
    const admin = await createUser("admin");
    const otherAdmin = await createUser("admin");
    const patient = await person();
    for (const caller of [await createUser("patient"), await createUser("provider")]) {
      await expect(disableAccount(caller, { userId: patient.id, reason: "Not theirs to do" }, NOW)).rejects.toThrow(ForbiddenError);
      await expect(enableAccount(caller, { userId: patient.id })).rejects.toThrow(ForbiddenError);
      await expect(searchAccountsForAdmin(caller, {})).rejects.toThrow(ForbiddenError);
    }
    expect(await disableAccount(admin, { userId: admin.id, reason: "Locking myself out" }, NOW)).toEqual({ ok: false, error: "You cannot disable or enable your own account." });
    expect(await disableAccount(admin, { userId: otherAdmin.id, reason: "A coup" }, NOW)).toMatchObject({ ok: false });
    const db = await getDb();
    const statuses = await db.select({ status: users.status }).from(users).where(eq(users.role, "admin"));
    expect(statuses.every((s) => s.status === "active")).toBe(true);
    expect(await signIn(patient.email)).toMatchObject({ ok: true });
  });

  it("says so when the account is already disabled, or not disabled", async () => {
    const admin = await createUser("admin");
    const patient = await person();
    expect(await enableAccount(admin, { userId: patient.id })).toMatchObject({ ok: false, error: expect.stringMatching(/not disabled/) });
    await disableAccount(admin, { userId: patient.id, reason: "First time" }, NOW);
    expect(await disableAccount(admin, { userId: patient.id, reason: "Second time" }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/already disabled/) });
  });
});

describe("the admin's account search", () => {
  it("finds accounts by any part of the email in any case, disabled ones first with why", async () => {
    const admin = await createUser("admin");
    const tag = `find${Math.random().toString(36).slice(2, 8)}`;
    const db = await getDb();
    const make = async (local: string) => {
      const [row] = await db.insert(users).values({ email: `${local}.${tag}@example.com`, name: local, role: "patient", passwordHash: "x" }).returning({ id: users.id });
      return row!.id;
    };
    await make("alice");
    const bob = await make("bob");
    await make("carol_100%");
    await disableAccount(admin, { userId: bob, reason: "Spam bookings" }, NOW);

    const found = await searchAccountsForAdmin(admin, { query: tag.toUpperCase() });
    expect(found.total).toBe(3);
    expect(found.rows.map((r) => [r.name, r.status, r.disabled])).toEqual([
      ["bob", "suspended", { at: expect.any(String), reason: "Spam bookings" }],
      ["alice", "active", null],
      ["carol_100%", "active", null],
    ]);
    // LIKE's wildcards are matched as themselves.
    expect((await searchAccountsForAdmin(admin, { query: "_100%" })).rows.map((r) => r.name)).toEqual(["carol_100%"]);
    // A NUL byte or a lone surrogate (which PostgreSQL refuses in a parameter) is not a server error.
    expect((await searchAccountsForAdmin(admin, { query: `alice\u0000.${tag}` })).rows.map((r) => r.name)).toEqual(["alice"]);
    expect((await searchAccountsForAdmin(admin, { query: `\ud800alice.${tag}` })).total).toBe(0);
  });
});
