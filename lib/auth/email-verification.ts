import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { accountTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import {
  queueEmailChangedEmail,
  queueEmailChangeLinkEmail,
  queueSignUpAttemptEmail,
  queueVerificationEmail,
  VERIFY_LINK_HOURS,
} from "@/lib/notifications/account-emails";
import type { Role } from "./accounts";
import { HashingBusyError } from "./hashing-budget";
import { linkRequestAllowed, recordLinkRequest } from "./link-requests";
import { linkTokenHash, newLinkToken } from "./link-tokens";
import { hashNewPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./validation";

// Sign-up, email verification and email change: an address counts as the owner's only once they
// opened a link sent to it.
//
// What an unverified account may do (decided here, enforced where each action lives): sign in,
// read and edit its own account, search, keep a diary, and fill in a provider listing. It may NOT
// send a booking request (lib/booking/queries.ts, `email_unverified`) nor publish a listing
// (lib/listing/queries.ts, and the provider checklist says so): those reach other people under
// the address, and anyone can type anyone's address.
//
// Sign-up tells nobody whether an address already has an account: a new address and a taken one
// get the same answer, after the same work (the password is hashed either way), the same limits,
// and neither signs the visitor in. The owner of a taken address is emailed instead, and their
// account is left as it was.

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type SignUpResult = { ok: true } | { ok: false; reason: "limited"; retryAfterMinutes: number } | { ok: false; reason: "busy" };

export type LinkRequestResult = { ok: true } | { ok: false; reason: "limited"; retryAfterMinutes: number } | { ok: false; reason: "verified" };

export type ChangeRequestResult =
  | { ok: true }
  | { ok: false; reason: "limited"; retryAfterMinutes: number }
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "wrong_password" | "same_address" };

export type EmailLinkKind = "verify" | "change";

export type ConfirmResult = { ok: true; kind: EmailLinkKind; userId: string } | { ok: false; reason: "invalid" | "taken" };

const LINK_PURPOSES = ["email_verification", "email_change"] as const;

const expiry = (now: Date) => new Date(now.getTime() + VERIFY_LINK_HOURS * 3_600_000);

/** A new link of `purpose` for `userId`; the account's spent and lapsed links go first, as with resets. */
async function issueLink(tx: Tx, userId: string, purpose: (typeof LINK_PURPOSES)[number], newEmail: string | null, now: Date): Promise<string> {
  await tx.delete(accountTokens).where(and(eq(accountTokens.userId, userId), or(isNotNull(accountTokens.usedAt), lte(accountTokens.expiresAt, now))));
  const { token, hash } = newLinkToken();
  await tx.insert(accountTokens).values({ tokenHash: hash, userId, purpose, newEmail, createdAt: now, expiresAt: expiry(now) });
  return token;
}

/**
 * Sign-up. A new address gets an unverified account and a verification link (back to `returnTo`
 * once opened); an address that has an account gets an email telling its owner. The caller says
 * "check your email" either way and signs nobody in.
 */
export async function signUp(
  input: SignUpInput & { ip: string; returnTo: string | null },
  now: Date = new Date(),
): Promise<SignUpResult> {
  const email = input.email.trim().toLowerCase();
  const decision = await linkRequestAllowed("email_verification", email, input.ip, now);
  if (decision.kind === "limited") return { ok: false, reason: "limited", retryAfterMinutes: decision.retryAfterMinutes };
  // Hashed before looking the address up, so a taken address costs the same time as a new one.
  const passwordHash = await hashNewPassword(input.password);
  if (passwordHash === null) return { ok: false, reason: "busy" };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await recordLinkRequest(tx, "email_verification", email, input.ip, now);
    // The unique index on lower(email) decides, so a race between two sign-ups leaves one account.
    const [created] = await tx
      .insert(users)
      .values({ name: input.name, email, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) {
      const [existing] = await tx
        .select({ id: users.id, email: users.email, status: users.status })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      // A suspended or closed account has no way in to offer.
      if (existing?.status !== "active") return;
      await queueSignUpAttemptEmail(tx, existing.email);
      await recordAudit(tx, { actorId: null, action: "account.sign_up_attempted", subjectType: "user", subjectId: existing.id, details: {} });
      return;
    }
    const token = await issueLink(tx, created.id, "email_verification", null, now);
    await queueVerificationEmail(tx, email, token, input.returnTo);
    await recordAudit(tx, { actorId: created.id, action: "account.created", subjectType: "user", subjectId: created.id, details: { role: input.role } });
  });
  return { ok: true };
}

/** Whether the account has confirmed its address; read fresh, since a link opened elsewhere changes it. */
export async function isEmailVerified(user: { id: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id));
  return Boolean(row?.at);
}

/** "Send the link again", for a signed-in account that has not confirmed its address yet. */
export async function resendVerificationLink(
  user: { id: string; role: Role },
  { ip, returnTo }: { ip: string; returnTo: string | null },
  now: Date = new Date(),
): Promise<LinkRequestResult> {
  const db = await getDb();
  const [row] = await db.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id));
  if (!row || row.verifiedAt) return { ok: false, reason: "verified" };
  const email = row.email.toLowerCase();
  const decision = await linkRequestAllowed("email_verification", email, ip, now);
  if (decision.kind === "limited") return { ok: false, reason: "limited", retryAfterMinutes: decision.retryAfterMinutes };
  await db.transaction(async (tx) => {
    await recordLinkRequest(tx, "email_verification", email, ip, now);
    const token = await issueLink(tx, user.id, "email_verification", null, now);
    await queueVerificationEmail(tx, row.email, token, returnTo);
  });
  return { ok: true };
}

/**
 * Asks to move the signed-in account to `newEmail`: the current password first (a session left
 * open on a shared computer must not be enough to take the account), then a link to the new
 * address. Nothing changes until that link is opened, and then the old address is told. An address
 * that belongs to another account gets the same answer and no email, so the form cannot be used
 * to find out who has an account; its link could not be used anyway.
 */
export async function requestEmailChange(
  user: { id: string },
  input: { newEmail: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<ChangeRequestResult> {
  const newEmail = input.newEmail.trim().toLowerCase();
  const db = await getDb();
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row) return { ok: false, reason: "wrong_password" };
  if (row.email.toLowerCase() === newEmail) return { ok: false, reason: "same_address" };
  const decision = await linkRequestAllowed("email_change", newEmail, input.ip, now);
  if (decision.kind === "limited") return { ok: false, reason: "limited", retryAfterMinutes: decision.retryAfterMinutes };
  let matches: boolean;
  try {
    matches = await verifyPassword(row.passwordHash, input.password);
  } catch (error) {
    if (error instanceof HashingBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  return db.transaction(async (tx): Promise<ChangeRequestResult> => {
    // Counted before the password is judged, so the limits also bound guesses through this form.
    await recordLinkRequest(tx, "email_change", newEmail, input.ip, now);
    if (!matches) return { ok: false, reason: "wrong_password" };
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, newEmail), ne(users.id, user.id)));
    if (taken) return { ok: true };
    const token = await issueLink(tx, user.id, "email_change", newEmail, now);
    await queueEmailChangeLinkEmail(tx, newEmail, token);
    await recordAudit(tx, { actorId: user.id, action: "account.email_change_requested", subjectType: "user", subjectId: user.id, details: {} });
    return { ok: true };
  });
}

const usableLink = (token: string, now: Date) =>
  and(
    eq(accountTokens.tokenHash, linkTokenHash(token)),
    inArray(accountTokens.purpose, [...LINK_PURPOSES]),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, now),
  );

/** What an unspent, unexpired link of an active account does, so its page can say it; else null. */
export async function emailLinkKind(token: string, now: Date = new Date()): Promise<EmailLinkKind | null> {
  const db = await getDb();
  const [row] = await db
    .select({ purpose: accountTokens.purpose })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(usableLink(token, now), eq(users.status, "active")));
  if (!row) return null;
  return row.purpose === "email_change" ? "change" : "verify";
}

/**
 * Opens a verification or email-change link, once: the statement that spends it is the one that
 * checks it is unspent, so two tabs cannot both use it. A verification marks the address
 * confirmed; a change moves the account to the new address (confirmed by this very link), spends
 * every other link the account has (a reset link sent to the old address must not open it any
 * more) and tells the old address.
 */
export async function confirmEmailLink(token: string, now: Date = new Date()): Promise<ConfirmResult> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<ConfirmResult> => {
      const [spent] = await tx
        .update(accountTokens)
        .set({ usedAt: now })
        .where(usableLink(token, now))
        .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose, newEmail: accountTokens.newEmail });
      if (!spent) return { ok: false, reason: "invalid" };
      const [user] = await tx
        .select({ email: users.email, status: users.status })
        .from(users)
        .where(eq(users.id, spent.userId))
        .for("update");
      if (!user || user.status !== "active") throw new Rollback({ ok: false, reason: "invalid" });
      const spendOthers = (purposes: ("password_reset" | "email_verification" | "email_change")[]) =>
        tx
          .update(accountTokens)
          .set({ usedAt: now })
          .where(and(eq(accountTokens.userId, spent.userId), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt)));

      if (spent.purpose !== "email_change" || !spent.newEmail) {
        await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` }).where(eq(users.id, spent.userId));
        await spendOthers(["email_verification"]);
        await recordAudit(tx, { actorId: spent.userId, action: "account.email_verified", subjectType: "user", subjectId: spent.userId, details: {} });
        return { ok: true, kind: "verify", userId: spent.userId };
      }
      const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, spent.newEmail), ne(users.id, spent.userId)));
      if (taken) throw new Rollback({ ok: false, reason: "taken" });
      await tx.update(users).set({ email: spent.newEmail, emailVerifiedAt: now }).where(eq(users.id, spent.userId));
      await spendOthers(["password_reset", "email_verification", "email_change"]);
      await queueEmailChangedEmail(tx, user.email, spent.newEmail, now);
      await recordAudit(tx, { actorId: spent.userId, action: "account.email_changed", subjectType: "user", subjectId: spent.userId, details: {} });
      return { ok: true, kind: "change", userId: spent.userId };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    // Another account took the address between the check and the update.
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

/** Ends the transaction without its writes (the link stays unspent) and answers `result`. */
class Rollback extends Error {
  constructor(readonly result: ConfirmResult) {
    super("rolled back");
  }
}
