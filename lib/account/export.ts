import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { patientExport } from "./export-patient";
import { providerExport } from "./export-provider";

// GET /api/account/export: everything held about the caller, as one JSON document. Only ever the
// caller's own: the function takes the signed-in user, never an id from the request.

export const EXPORT_FORMAT = "relief-finder-account-export/1";

/** The document's top level; the rest depends on the role (lib/account/export-*.ts). */
export type AccountExport = Record<string, unknown> & { format: string; exportedAt: string; account: Record<string, unknown> };

export async function exportAccount(user: CurrentUser, now: Date = new Date()): Promise<AccountExport> {
  assertRole(user, ["patient", "provider", "admin"], "export an account");
  const db = await getDb();
  const [account] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status, createdAt: users.createdAt, bookingReminders: users.bookingReminders })
    .from(users)
    .where(eq(users.id, user.id));
  if (!account) throw new Error("the signed-in account has no row");
  const own =
    account.role === "patient" ? await patientExport(db, account.id) : account.role === "provider" ? await providerExport(db, account.id) : {};
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      status: account.status,
      createdAt: account.createdAt.toISOString(),
      notifications: { bookingReminders: account.bookingReminders },
    },
    ...own,
  };
}
