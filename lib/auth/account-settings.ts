import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { queueNameChangedEmail, queuePasswordChangedEmail } from "@/lib/notifications/account-emails";
import { assertRole } from "./authorize";
import { hashNewPassword } from "./password";
import { attemptSignIn } from "./sign-in";
import { revokeOtherSessions, type SessionUser } from "./session-store";

// What the signed-in owner changes on /account. Each function takes the caller and changes only
// the caller's own row: there is no user id to pass, so no way to reach someone else's account.

const OWNERS = ["patient", "provider", "admin"] as const;

export async function changeName(user: SessionUser, name: string, now: Date = new Date()): Promise<void> {
  assertRole(user, OWNERS, "change an account's name");
  if (name === user.name) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, user.id));
    await queueNameChangedEmail(tx, user.email, now);
    // The names themselves stay out of the audit log, which outlives a deleted account.
    await recordAudit(tx, { actorId: user.id, action: "account.name_changed", subjectType: "user", subjectId: user.id, details: {} });
  });
}

export type PasswordChangeResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; reason: "wrong_password" | "same_password" | "busy" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Sets a new password when `currentPassword` is right. The current password is checked as a
 * sign-in is, through attemptSignIn: the same lockout and delays, and a wrong guess counts
 * toward them, so a borrowed session cannot be used to try passwords quickly. Every other session
 * ends, this browser's (`keepSessionKey`) stays, and the owner is told by email.
 */
export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; password: string; ip: string; keepSessionKey: string | null },
  { now = new Date(), sleep }: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<PasswordChangeResult> {
  assertRole(user, OWNERS, "change an account's password");
  if (input.currentPassword === input.password) return { ok: false, reason: "same_password" };
  const checked = await attemptSignIn({ email: user.email, password: input.currentPassword, ip: input.ip }, { now, sleep });
  if (!checked.ok) {
    if (checked.reason === "locked") return checked;
    if (checked.reason === "busy") return { ok: false, reason: "busy" };
    return { ok: false, reason: "wrong_password" };
  }
  const passwordHash = await hashNewPassword(input.password);
  if (passwordHash === null) return { ok: false, reason: "busy" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    const ended = await revokeOtherSessions(tx, user.id, input.keepSessionKey, now);
    await queuePasswordChangedEmail(tx, user.email, now, "other devices");
    await recordAudit(tx, { actorId: user.id, action: "account.password_changed", subjectType: "user", subjectId: user.id, details: { sessionsEnded: ended } });
    return { ok: true as const, otherSessionsEnded: ended };
  });
}

export type NotificationSettings = { bookingReminders: boolean; diaryReminders: boolean };

export async function notificationSettings(user: SessionUser): Promise<NotificationSettings> {
  assertRole(user, OWNERS, "read notification settings");
  const db = await getDb();
  const [row] = await db.select({ bookingReminders: users.bookingReminders, diaryReminders: users.diaryReminders }).from(users).where(eq(users.id, user.id));
  return { bookingReminders: row?.bookingReminders ?? true, diaryReminders: row?.diaryReminders ?? false };
}

export async function saveNotificationSettings(user: SessionUser, settings: NotificationSettings): Promise<void> {
  assertRole(user, OWNERS, "change notification settings");
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Only patients keep a diary; anyone else's diary setting stays off.
    const diaryReminders = user.role === "patient" && settings.diaryReminders;
    await tx.update(users).set({ bookingReminders: settings.bookingReminders, diaryReminders }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: "account.notifications_changed", subjectType: "user", subjectId: user.id, details: { ...settings } });
  });
}
