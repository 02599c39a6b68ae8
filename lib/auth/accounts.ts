import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { SIGN_IN_BUSY } from "./messages";
import { hashNewPassword } from "./password";
import { revokeUserSessions } from "./session-store";
import type { SignUpInput } from "./validation";

export type Role = "patient" | "provider" | "admin";

export type CreateAccountResult = { ok: true; userId: string } | { ok: false; field: "email" | null; message: string };

/**
 * Creates an account, unverified unless `verified` (an operator's `npm run admin:create`, who typed
 * the address themselves); admins come only from that command and the demo seed. Sign-up goes
 * through lib/auth/email-verification.ts instead, which does not tell a taken address apart.
 */
export async function createAccount(
  input: SignUpInput | (Omit<SignUpInput, "role"> & { role: Role }),
  { verified = false }: { verified?: boolean } = {},
): Promise<CreateAccountResult> {
  const db = await getDb();
  const passwordHash = await hashNewPassword(input.password);
  if (passwordHash === null) return { ok: false, field: null, message: SIGN_IN_BUSY };
  try {
    const userId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email.toLowerCase(), role: input.role, passwordHash, emailVerifiedAt: verified ? new Date() : null })
        .returning({ id: users.id });
      await recordAudit(tx, { actorId: row!.id, action: "account.created", subjectType: "user", subjectId: row!.id, details: { role: input.role } });
      return row!.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // The unique index on lower(email) decides, so two sign-ups racing for one address cannot both win.
    if (isUniqueViolation(error)) return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
    throw error;
  }
}

export type ProvisionedAdmin =
  | { ok: true; outcome: "created" | "promoted" | "password-reset"; oneTimePassword: string }
  | { ok: false; message: string };

/**
 * `npm run admin:create`: makes `email` an admin with a new one-time password, creating the
 * account when none has the address. An existing account never keeps the password its creator
 * chose (whoever signed up with someone else's address would otherwise become that admin): it gets
 * the printed one instead, its sessions end, and its first sign-in must choose a new password.
 * Run again for an admin, it is the way back in after a lost password.
 */
export async function provisionAdmin(email: string): Promise<ProvisionedAdmin> {
  const oneTimePassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashNewPassword(oneTimePassword);
  if (passwordHash === null) return { ok: false, message: SIGN_IN_BUSY };
  const normalized = email.toLowerCase();
  const db = await getDb();
  return db.transaction(async (tx): Promise<ProvisionedAdmin> => {
    const [user] = await tx.select({ id: users.id, role: users.role, status: users.status }).from(users).where(eq(sql`lower(${users.email})`, normalized));
    if (!user) {
      const [row] = await tx
        .insert(users)
        .values({ name: normalized.split("@")[0]!, email: normalized, role: "admin", passwordHash, mustChangePassword: true, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      await recordAudit(tx, { actorId: null, action: "account.created", subjectType: "user", subjectId: row!.id, details: { role: "admin", by: "admin:create" } });
      return { ok: true, outcome: "created", oneTimePassword };
    }
    if (user.status !== "active") return { ok: false, message: `${normalized} is ${user.status}; enable the account before making it an admin.` };
    // The admin running the command vouches for the address.
    await tx.update(users).set({ role: "admin", passwordHash, mustChangePassword: true, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, user.id));
    // A session opened as a patient or provider, or with the old password, does not carry on.
    await revokeUserSessions(tx, user.id);
    if (user.role !== "admin") {
      await recordAudit(tx, { actorId: null, action: "user.role_changed", subjectType: "user", subjectId: user.id, details: { from: user.role, to: "admin", by: "admin:create" } });
    }
    await recordAudit(tx, { actorId: null, action: "account.one_time_password_set", subjectType: "user", subjectId: user.id, details: { by: "admin:create" } });
    return { ok: true, outcome: user.role === "admin" ? "password-reset" : "promoted", oneTimePassword };
  });
}
