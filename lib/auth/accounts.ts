import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { HashingBusyError } from "./hashing-budget";
import { SIGN_IN_BUSY } from "./messages";
import { hashPassword } from "./password";
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
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(input.password);
  } catch (error) {
    if (error instanceof HashingBusyError) return { ok: false, field: null, message: SIGN_IN_BUSY };
    throw error;
  }
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

/** Makes an existing account an admin, or creates one; only the admin:create command calls it. */
export async function promoteToAdmin(email: string): Promise<"promoted" | "already-admin" | "not-found"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (!user) return "not-found";
    if (user.role === "admin") return "already-admin";
    await tx.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    // A session opened as a patient or provider does not carry on with an admin's rights.
    await revokeUserSessions(tx, user.id);
    await recordAudit(tx, { actorId: null, action: "user.role_changed", subjectType: "user", subjectId: user.id, details: { from: user.role, to: "admin", by: "admin:create" } });
    return "promoted";
  });
}
