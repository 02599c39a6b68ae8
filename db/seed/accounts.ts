import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/open";
import { providers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoBookings } from "./bookings";
import { seedDemoDiary } from "./diary";
import { seedDemoReviews } from "./reviews";
import { seedDemoTreatments } from "./treatments";
import { DEMO_ANCHORS } from "./generate";

export const DEMO_PASSWORD = "relief-demo-1";

export const DEMO_ACCOUNTS = [
  { email: "patient@example.com", name: "Pat Patient", role: "patient" },
  { email: "patient2@example.com", name: "Robin Second", role: "patient" },
  { email: "provider@example.com", name: "Dr. Maya Chen", role: "provider" },
  { email: "provider2@example.com", name: "Dr. Daniel Ortiz", role: "provider" },
  { email: "admin@example.com", name: "Alex Admin", role: "admin" },
] as const;

/**
 * The README's demo sign-ins, all with DEMO_PASSWORD. provider@example.com owns the listing of
 * the seed's first provider (Dr. Maya Chen, New York), so it can be edited after signing in;
 * provider2@example.com owns Dr. Daniel Ortiz's (Austin), which has no bookings.
 */
export async function seedDemoAccounts(db: Database, today: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Verified, so the demo can book and publish at once; sign up anew to see the confirmation email.
  const emailVerifiedAt = new Date();
  await db
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash, emailVerifiedAt })))
    .onConflictDoNothing();
  // Looked up rather than taken from the insert: after a reset the accounts already exist, and the
  // new Maya Chen listing still needs its owner.
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const idOf = (email: string) => rows.find((r) => r.email === email)!.id;
  await db.update(providers).set({ userId: idOf("provider@example.com") }).where(eq(providers.slug, DEMO_ANCHORS.maya));
  await db.update(providers).set({ userId: idOf("provider2@example.com") }).where(eq(providers.slug, DEMO_ANCHORS.austinTmj));
  await seedDemoBookings(db, { patient: idOf("patient@example.com"), patient2: idOf("patient2@example.com") }, today);
  await seedDemoDiary(db, idOf("patient@example.com"), today);
  await seedDemoReviews(db, passwordHash, today);
  await seedDemoTreatments(db, passwordHash, idOf("patient@example.com"), today);
}
