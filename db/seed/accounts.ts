import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/open";
import { providers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ANCHORS } from "./generate";

export const DEMO_PASSWORD = "relief-demo-1";

export const DEMO_ACCOUNTS = [
  { email: "patient@example.com", name: "Pat Patient", role: "patient" },
  { email: "patient2@example.com", name: "Robin Second", role: "patient" },
  { email: "provider@example.com", name: "Dr. Maya Chen", role: "provider" },
  { email: "admin@example.com", name: "Alex Admin", role: "admin" },
] as const;

/**
 * The README's demo sign-ins, all with DEMO_PASSWORD. provider@example.com owns the listing of
 * the seed's first provider (Dr. Maya Chen, New York), so it can be edited after signing in.
 */
export async function seedDemoAccounts(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = await db
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })))
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  const provider = rows.find((r) => r.email === "provider@example.com");
  if (provider) await db.update(providers).set({ userId: provider.id }).where(eq(providers.slug, DEMO_ANCHORS.maya));
}
