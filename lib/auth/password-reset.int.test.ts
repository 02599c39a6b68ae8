import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { accountEmailRequests, accountTokens, auditEvents, emailOutbox, users } from "@/db/schema";
import { createAccount } from "./accounts";
import { isResetLinkUsable, requestPasswordReset, resetPassword } from "./password-reset";
import { findSessionUser, sessionKey, startSession } from "./session-store";
import { attemptSignIn } from "./sign-in";

// The actions read the client's address from the request and send mail after the response;
// neither exists outside a request. Everything below them runs for real.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const PASSWORD = "the original password";
const NEW_PASSWORD = "a brand new password";
const T0 = new Date("2026-11-24T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
const address = () => `198.51.100.${++n % 250}`;
const freshEmail = () => `reset${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function account() {
  const email = freshEmail();
  const created = await createAccount({ name: "Riley Reset", email, password: PASSWORD, role: "patient" });
  if (!created.ok) throw new Error(created.message);
  return { email, userId: created.userId };
}

async function mailTo(email: string) {
  const db = await getDb();
  return db
    .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, body: emailOutbox.bodyText, html: emailOutbox.bodyHtml })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt));
}

/** The token in the newest reset email to `email`, read from the email as its owner would. */
async function linkFromEmail(email: string): Promise<string> {
  const reset = (await mailTo(email)).find((m) => m.kind === "password_reset");
  const match = reset && /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(reset.body);
  if (!match) throw new Error("no reset link was emailed");
  return match[1]!;
}

const signIn = (email: string, password: string, ip: string, now: Date) => attemptSignIn({ email, password, ip }, { now, sleep: async () => {} });

describe("asking for a reset link", () => {
  it("answers the same for an address with an account and one without, and emails only the owner", async () => {
    const { email } = await account();
    const stranger = freshEmail();
    expect(await requestPasswordReset({ email: email.toUpperCase(), ip: address() }, T0)).toEqual({ ok: true });
    expect(await requestPasswordReset({ email: stranger, ip: address() }, T0)).toEqual({ ok: true });
    expect(await mailTo(stranger)).toEqual([]);

    const [mail] = await mailTo(email);
    expect(mail).toMatchObject({ kind: "password_reset", subject: "Reset your Relief Finder password" });
    expect(mail!.body).toContain("works once, for 60 minutes");
    // The HTML part carries the same link, escaped for an attribute.
    const token = await linkFromEmail(email);
    expect(mail!.html).toContain(`href="http://localhost:3000/reset-password?token=${token}"`);
    // Only a hash of the link's secret is stored.
    const db = await getDb();
    expect(JSON.stringify(await db.select().from(accountTokens))).not.toContain(token);
  });

  it("sends nothing for a disabled account, and says so no differently", async () => {
    const { email, userId } = await account();
    const db = await getDb();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, userId));
    expect(await requestPasswordReset({ email, ip: address() }, T0)).toEqual({ ok: true });
    expect(await mailTo(email)).toEqual([]);
  });

  it("is limited to 3 links per email in 15 minutes, counted alike for unknown addresses", async () => {
    const { email } = await account();
    const stranger = freshEmail();
    for (const target of [email, stranger]) {
      for (let i = 0; i < 3; i++) expect(await requestPasswordReset({ email: target, ip: address() }, at(i))).toEqual({ ok: true });
      expect(await requestPasswordReset({ email: target, ip: address() }, at(5))).toEqual({ ok: false, retryAfterMinutes: 10 });
      // The window moves on from the oldest request.
      expect(await requestPasswordReset({ email: target, ip: address() }, at(15.1))).toEqual({ ok: true });
    }
    // Three emails, not four or more: the refused request sent nothing.
    expect((await mailTo(email)).filter((m) => m.kind === "password_reset")).toHaveLength(4);
  });

  it("keeps requests only while the limits read them, and an account's spent or lapsed links only until the next", async () => {
    const { email, userId } = await account();
    const stranger = freshEmail();
    await requestPasswordReset({ email: stranger, ip: address() }, T0);
    await requestPasswordReset({ email, ip: address() }, T0);
    await requestPasswordReset({ email, ip: address() }, at(70));
    const db = await getDb();
    expect(await db.select().from(accountEmailRequests).where(eq(accountEmailRequests.email, stranger))).toEqual([]);
    // The first link lapsed at 60 minutes; only the new one is left.
    expect(await db.select({ createdAt: accountTokens.createdAt }).from(accountTokens).where(eq(accountTokens.userId, userId))).toEqual([{ createdAt: at(70) }]);
  });

  it("is limited to 10 requests per client address, whatever the emails, without touching other addresses", async () => {
    const ip = address();
    for (let i = 0; i < 10; i++) expect(await requestPasswordReset({ email: freshEmail(), ip }, at(i / 10))).toEqual({ ok: true });
    expect(await requestPasswordReset({ email: freshEmail(), ip }, at(2))).toEqual({ ok: false, retryAfterMinutes: 13 });
    expect(await requestPasswordReset({ email: freshEmail(), ip: address() }, at(2))).toEqual({ ok: true });
  });
});

describe("a reset link", () => {
  it("sets a new password once, ends every session, clears failed sign-ins and tells the owner", async () => {
    const { email, userId } = await account();
    const ip = address();
    const laptop = sessionKey(await startSession(userId, T0));
    // Someone else's guesses have locked the owner out at this address.
    for (let i = 0; i < 5; i++) await signIn(email, "a wrong guess", ip, at(i / 10));
    expect(await signIn(email, PASSWORD, ip, at(1))).toMatchObject({ ok: false, reason: "locked" });

    await requestPasswordReset({ email, ip }, at(2));
    const token = await linkFromEmail(email);
    expect(await resetPassword({ token, password: NEW_PASSWORD }, at(3))).toEqual({ ok: true });

    expect(await findSessionUser(laptop, at(3))).toBeNull();
    expect(await signIn(email, PASSWORD, ip, at(4))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(email, NEW_PASSWORD, ip, at(4))).toMatchObject({ ok: true, user: { id: userId } });

    // One use only, even with another new password.
    expect(await isResetLinkUsable(token, at(5))).toBe(false);
    expect(await resetPassword({ token, password: "yet another password" }, at(5))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(email, NEW_PASSWORD, ip, at(6))).toMatchObject({ ok: true });

    const changed = (await mailTo(email)).find((m) => m.kind === "password_changed");
    expect(changed?.body).toContain("Tuesday, November 24, 2026 at 12:03 PM Coordinated Universal Time");
    expect(changed?.html).toContain("Every device that was signed in to the account has been signed out.");
    const db = await getDb();
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.action, "account.password_reset")));
    expect(audit).toHaveLength(1);
  });

  it("works for 60 minutes and not a moment longer", async () => {
    const { email } = await account();
    await requestPasswordReset({ email, ip: address() }, T0);
    const token = await linkFromEmail(email);
    expect(await isResetLinkUsable(token, at(59.9))).toBe(true);
    expect(await isResetLinkUsable(token, at(60))).toBe(false);
    expect(await resetPassword({ token, password: NEW_PASSWORD }, at(60))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(email, PASSWORD, address(), at(61))).toMatchObject({ ok: true });
  });

  it("spends the account's other links when one is used", async () => {
    const { email } = await account();
    await requestPasswordReset({ email, ip: address() }, T0);
    const first = await linkFromEmail(email);
    await requestPasswordReset({ email, ip: address() }, at(1));
    const second = await linkFromEmail(email);
    expect(second).not.toBe(first);
    expect(await resetPassword({ token: second, password: NEW_PASSWORD }, at(2))).toEqual({ ok: true });
    expect(await resetPassword({ token: first, password: "someone else's password" }, at(3))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a password under the sign-up rules and stays usable", async () => {
    const { resetPasswordAction } = await import("@/app/(auth)/reset-password/reset-password-action");
    const { email } = await account();
    await requestPasswordReset({ email, ip: address() });
    const token = await linkFromEmail(email);
    const form = new FormData();
    form.set("token", token);
    form.set("password", "short");
    expect(await resetPasswordAction({}, form)).toEqual({ fieldErrors: { password: "Use at least 10 characters." } });
    expect(await isResetLinkUsable(token)).toBe(true);
  });

  it("is answered the same by the action for a known and an unknown address", async () => {
    const { requestPasswordResetAction } = await import("@/app/(auth)/forgot-password/request-password-reset-action");
    const ask = (email: string) => {
      const form = new FormData();
      form.set("email", email);
      return requestPasswordResetAction({}, form);
    };
    const { email } = await account();
    const known = await ask(email);
    expect(known.message).toMatch(/^If an account uses that address/);
    expect(await ask(freshEmail())).toEqual(known);
    expect(await ask("not an email")).toMatchObject({ fieldErrors: { email: "Enter an email address like name@example.com." } });
  });
});
