import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { accountTokens, auditEvents, emailOutbox, users } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { createBooking } from "@/lib/booking/queries";
import { getAvailability } from "@/lib/scheduling/queries";
import { createAccount } from "./accounts";
import { confirmEmailLink, emailLinkKind, isEmailVerified, requestEmailChange, resendVerificationLink, signUp } from "./email-verification";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { MAX_LINK_REQUESTS_PER_ADDRESS, MAX_LINKS_PER_EMAIL } from "./throttle";

// The actions read the client's address from the request and send mail after the response;
// neither exists outside a request. Each action call here comes from an address of its own, so
// runs on a shared server database never meet each other's limits.
let n = 0;
const address = () => `203.0.113.${++n % 250}-${Math.random().toString(36).slice(2, 6)}`;
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("./client-ip", async (importOriginal) => ({ ...(await importOriginal<typeof import("./client-ip")>()), clientAddress: () => address() }));

const PASSWORD = "the original password";
const T0 = new Date("2026-11-24T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const freshEmail = () => `verify${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const newPerson = (email: string, returnTo: string | null = null) => ({ name: "Vera Verify", email, password: PASSWORD, role: "patient" as const, ip: address(), returnTo });

async function mailTo(email: string) {
  const db = await getDb();
  return db
    .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, body: emailOutbox.bodyText, html: emailOutbox.bodyHtml })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
}

/** The token (and return path) of the newest link of `kind` emailed to `email`, read as its owner would. */
async function linkFromEmail(email: string, kind = "email_verification"): Promise<{ token: string; next: string | null }> {
  const mail = (await mailTo(email)).find((m) => m.kind === kind);
  const match = mail && /\/verify-email\?token=([A-Za-z0-9_-]+)(?:&next=(\S+))?/.exec(mail.body);
  if (!match) throw new Error(`no ${kind} link was emailed to ${email}`);
  return { token: match[1]!, next: match[2] ? decodeURIComponent(match[2]) : null };
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

describe("signing up", () => {
  it("answers a taken address exactly as a new one, signs in neither, and leaves the existing account as it was", async () => {
    const { signUpAction } = await import("@/app/(auth)/sign-up/sign-up-action");
    const existing = freshEmail();
    const created = await createAccount({ name: "Owner Person", email: existing, password: PASSWORD, role: "provider" }, { verified: true });
    if (!created.ok) throw new Error(created.message);
    const before = await userByEmail(existing);
    const answer = async (email: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ name: "Someone Else", email, password: "another long password", role: "patient", callbackUrl: "/account" })) form.append(k, v);
      const state = await signUpAction({}, form);
      return { ...state, sent: state.sent && { ...state.sent, email: "(the typed address)" } };
    };
    const fresh = freshEmail();
    const forNew = await answer(fresh);
    const forTaken = await answer(existing.toUpperCase());
    expect(forNew).toEqual({ sent: { message: "Check your email to finish creating your account.", email: "(the typed address)" } });
    expect(forTaken).toEqual(forNew);

    // The existing account: same name, role, password, status; no link of any kind made for it.
    expect(await userByEmail(existing)).toEqual(before);
    const db = await getDb();
    expect(await db.select().from(accountTokens).where(eq(accountTokens.userId, created.userId))).toEqual([]);
    // Its owner is told, with the ways in, and no link that does anything by itself.
    const [told] = await mailTo(existing);
    expect(told).toMatchObject({ kind: "sign_up_attempt", subject: "Someone tried to create a Relief Finder account with your email" });
    expect(told!.body).toContain("http://localhost:3000/sign-in");
    expect(told!.body).toContain("http://localhost:3000/forgot-password");
    expect(told!.body).not.toMatch(/token=/);

    // The new address has an account, unverified, and a link.
    const made = await userByEmail(fresh);
    expect(made).toMatchObject({ role: "patient", name: "Someone Else", emailVerifiedAt: null });
    expect((await mailTo(fresh)).map((m) => m.kind)).toEqual(["email_verification"]);
  });

  it("makes an unverified account whose link, stored only as a hash, works once and returns to the page asked for", async () => {
    const email = freshEmail();
    expect(await signUp(newPerson(email, "/providers/dr-x/book?type=a&location=b&start=2026-12-01T15:00:00.000Z"), T0)).toEqual({ ok: true });
    const user = (await userByEmail(email))!;
    expect(await isEmailVerified(user)).toBe(false);
    const { token, next } = await linkFromEmail(email);
    expect(next).toBe("/providers/dr-x/book?type=a&location=b&start=2026-12-01T15:00:00.000Z");
    const [mail] = await mailTo(email);
    expect(mail!.body).toContain("works once, for 24 hours");
    expect(mail!.html).toContain(`href="http://localhost:3000/verify-email?token=${token}&amp;next=`);
    const db = await getDb();
    expect(JSON.stringify(await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id)))).not.toContain(token);

    expect(await emailLinkKind(token, at(1))).toBe("verify");
    expect(await confirmEmailLink(token, at(1))).toEqual({ ok: true, kind: "verify", userId: user.id });
    expect(await isEmailVerified(user)).toBe(true);
    // Single use.
    expect(await emailLinkKind(token, at(2))).toBeNull();
    expect(await confirmEmailLink(token, at(2))).toEqual({ ok: false, reason: "invalid" });
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["account.created", "account.email_verified"]);
  });

  it("lets a link lapse after 24 hours, and a new one asked for works", async () => {
    const email = freshEmail();
    await signUp(newPerson(email), T0);
    const user = (await userByEmail(email))!;
    const first = await linkFromEmail(email);
    expect(await emailLinkKind(first.token, at(24 * 60 - 1))).toBe("verify");
    expect(await confirmEmailLink(first.token, at(24 * 60))).toEqual({ ok: false, reason: "invalid" });
    expect(await isEmailVerified(user)).toBe(false);

    expect(await resendVerificationLink(user, { ip: address(), returnTo: "/account" }, at(24 * 60 + 1))).toEqual({ ok: true });
    const second = await linkFromEmail(email);
    expect(second.token).not.toBe(first.token);
    expect(await confirmEmailLink(second.token, at(24 * 60 + 2))).toMatchObject({ ok: true, kind: "verify" });
    // Nothing more to send once confirmed.
    expect(await resendVerificationLink(user, { ip: address(), returnTo: null }, at(24 * 60 + 3))).toEqual({ ok: false, reason: "verified" });
  });

  it("is limited to 3 emails per address in 15 minutes, counted alike for a taken address, sign-ups and resends together", async () => {
    const taken = (await createUser("patient")).email;
    const fresh = freshEmail();
    for (const email of [taken, fresh]) {
      for (let i = 0; i < MAX_LINKS_PER_EMAIL; i++) expect(await signUp(newPerson(email), at(i))).toEqual({ ok: true });
      expect(await signUp(newPerson(email), at(5))).toEqual({ ok: false, reason: "limited", retryAfterMinutes: 10 });
    }
    expect((await mailTo(taken)).length).toBe(MAX_LINKS_PER_EMAIL);
    // The account made by the first sign-up of `fresh` cannot ask for more either, until the window moves on.
    const user = (await userByEmail(fresh))!;
    expect(await resendVerificationLink(user, { ip: address(), returnTo: null }, at(6))).toEqual({ ok: false, reason: "limited", retryAfterMinutes: 9 });
    expect(await resendVerificationLink(user, { ip: address(), returnTo: null }, at(15))).toEqual({ ok: true });
  });

  it("is limited to 10 sign-ups per client address in 15 minutes, whatever the emails", async () => {
    const ip = address();
    for (let i = 0; i < MAX_LINK_REQUESTS_PER_ADDRESS; i++) expect(await signUp({ ...newPerson(freshEmail()), ip }, at(i))).toEqual({ ok: true });
    const refused = freshEmail();
    expect(await signUp({ ...newPerson(refused), ip }, at(10))).toEqual({ ok: false, reason: "limited", retryAfterMinutes: 5 });
    // A refused sign-up makes nothing and sends nothing.
    expect(await userByEmail(refused)).toBeUndefined();
    expect(await mailTo(refused)).toEqual([]);
  });
});

describe("what an unverified account may do", () => {
  let slot: { start: string; locationId: string };
  let provider: Awaited<ReturnType<typeof createProvider>>;
  beforeAll(async () => {
    await seedReferenceData();
    provider = await createProvider({ name: "Verify Booking" });
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const result = await getAvailability(provider.slug, { from, to, type: provider.typeIds[0]! });
    if (!result.ok) throw new Error(result.message);
    slot = result.slots[0]!;
  });

  it("cannot send a booking request until its address is confirmed", async () => {
    const email = freshEmail();
    await signUp(newPerson(email), new Date());
    const user = (await userByEmail(email))!;
    const patient = { id: user.id, email, name: user.name, role: "patient" as const, mustChangePassword: false };
    const request = { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: slot.locationId, start: slot.start, telehealth: false, intake: validIntake() };
    expect(await createBooking(patient, request)).toEqual({ ok: false, reason: "unverified", message: expect.stringMatching(/^Confirm your email address/) });
    expect(await confirmEmailLink((await linkFromEmail(email)).token)).toMatchObject({ ok: true });
    expect(await createBooking(patient, request)).toMatchObject({ ok: true, status: "requested" });
  });

  it("becomes the owner's through a password reset, which the link proves as well", async () => {
    // Someone signed up with another person's address and never confirmed it; the owner resets the password.
    const email = freshEmail();
    await signUp(newPerson(email), T0);
    await requestPasswordReset({ email, ip: address() }, at(1));
    const reset = (await mailTo(email)).find((m) => m.kind === "password_reset")!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(reset.body)![1]!;
    expect(await resetPassword({ token, password: "the owner's own password" }, at(2))).toEqual({ ok: true });
    expect(await isEmailVerified((await userByEmail(email))!)).toBe(true);
  });
});

describe("changing the email address", () => {
  async function verifiedAccount() {
    const email = freshEmail();
    const created = await createAccount({ name: "Chris Change", email, password: PASSWORD, role: "patient" }, { verified: true });
    if (!created.ok) throw new Error(created.message);
    return { email, id: created.userId };
  }

  it("moves the account only when the new address opens its link, tells the old one, and spends the old address's links", async () => {
    const { email, id } = await verifiedAccount();
    const target = freshEmail();
    await requestPasswordReset({ email, ip: address() }, at(0));
    const resetToken = /token=([A-Za-z0-9_-]+)/.exec((await mailTo(email)).find((m) => m.kind === "password_reset")!.body)![1]!;

    expect(await requestEmailChange({ id }, { newEmail: target.toUpperCase(), password: PASSWORD, ip: address() }, at(1))).toEqual({ ok: true });
    // Until the link is opened, nothing changed.
    expect((await userByEmail(email))!.id).toBe(id);
    const { token } = await linkFromEmail(target, "email_change");
    expect(await emailLinkKind(token, at(2))).toBe("change");

    expect(await confirmEmailLink(token, at(3))).toEqual({ ok: true, kind: "change", userId: id });
    const moved = (await userByEmail(target))!;
    expect(moved.id).toBe(id);
    expect(moved.emailVerifiedAt).toEqual(at(3));
    const [told] = await mailTo(email);
    expect(told).toMatchObject({ kind: "email_changed", subject: "Your Relief Finder email was changed" });
    expect(told!.body).toContain(target);
    // Single use, and a reset link sent to the old address opens nothing any more.
    expect(await confirmEmailLink(token, at(4))).toEqual({ ok: false, reason: "invalid" });
    expect(await resetPassword({ token: resetToken, password: "an attacker's new password" }, at(5))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a wrong password and the current address, sending nothing", async () => {
    const { email, id } = await verifiedAccount();
    const target = freshEmail();
    expect(await requestEmailChange({ id }, { newEmail: target, password: "not the password", ip: address() }, at(0))).toEqual({ ok: false, reason: "wrong_password" });
    expect(await requestEmailChange({ id }, { newEmail: email, password: PASSWORD, ip: address() }, at(0))).toEqual({ ok: false, reason: "same_address" });
    expect(await mailTo(target)).toEqual([]);
  });

  it("answers an address another account has as any other, emails it nothing, and a link can no longer move to an address taken since", async () => {
    const { id } = await verifiedAccount();
    const other = await verifiedAccount();
    expect(await requestEmailChange({ id }, { newEmail: other.email, password: PASSWORD, ip: address() }, at(0))).toEqual({ ok: true });
    expect(await mailTo(other.email)).toEqual([]);

    const target = freshEmail();
    await requestEmailChange({ id }, { newEmail: target, password: PASSWORD, ip: address() }, at(1));
    const { token } = await linkFromEmail(target, "email_change");
    // Someone else signs up with the address (and confirms it) before the link is opened.
    await createAccount({ name: "Quick Taker", email: target, password: PASSWORD, role: "patient" }, { verified: true });
    expect(await confirmEmailLink(token, at(2))).toEqual({ ok: false, reason: "taken" });
    const db = await getDb();
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
    expect(row!.email).not.toBe(target);
  });

  it("counts every try, right password or not, so the form cannot be used to guess passwords", async () => {
    const { id } = await verifiedAccount();
    const target = freshEmail();
    for (let i = 0; i < MAX_LINKS_PER_EMAIL; i++) {
      expect(await requestEmailChange({ id }, { newEmail: target, password: `wrong guess ${i}`, ip: address() }, at(i))).toEqual({ ok: false, reason: "wrong_password" });
    }
    expect(await requestEmailChange({ id }, { newEmail: target, password: PASSWORD, ip: address() }, at(4))).toEqual({ ok: false, reason: "limited", retryAfterMinutes: 11 });
    const db = await getDb();
    expect(await db.select().from(accountTokens).where(and(eq(accountTokens.userId, id), eq(accountTokens.purpose, "email_change")))).toEqual([]);
  });
});
