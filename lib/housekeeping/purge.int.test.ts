import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, signInAttempts, waitlistEntries, waitlistOffers } from "@/db/schema";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { purgeExpiredRecords } from "./purge";

const NOW = new Date("2031-03-10T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("the daily purge", () => {
  it("deletes sent mail after 3 days, unsendable mail after 7, and sign-in attempts after a day; nothing younger", async () => {
    const db = await getDb();
    const mail = (sentAt: Date | null, createdAt: Date, attempts = 1) => ({ toAddress: "purge@example.com", subject: "s", bodyText: "b", kind: "test", sentAt, createdAt, attempts });
    const rows = await db
      .insert(emailOutbox)
      .values([mail(daysAgo(4), daysAgo(4)), mail(daysAgo(2), daysAgo(2)), mail(null, daysAgo(8), 5), mail(null, daysAgo(8), 2), mail(null, daysAgo(6), 5)])
      .returning({ id: emailOutbox.id });
    const attempts = await db
      .insert(signInAttempts)
      .values([{ email: "purge@example.com", ip: "x", succeeded: false, attemptedAt: daysAgo(2) }, { email: "purge@example.com", ip: "x", succeeded: false, attemptedAt: new Date(NOW.getTime() - 3_600_000) }])
      .returning({ id: signInAttempts.id });

    expect(await purgeExpiredRecords(NOW)).toMatchObject({ emails: expect.any(Number), signInAttempts: expect.any(Number) });
    const left = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.id, rows.map((r) => r.id)));
    // Kept: sent 2 days ago, still being retried (2 tries), unsendable for only 6 days.
    expect(left.map((r) => r.id).sort()).toEqual([rows[1]!.id, rows[3]!.id, rows[4]!.id].sort());
    const attemptsLeft = await db.select({ id: signInAttempts.id }).from(signInAttempts).where(eq(signInAttempts.email, "purge@example.com"));
    expect(attemptsLeft.map((r) => r.id)).toEqual([attempts[1]!.id]);
  });

  it("deletes a waitlist 30 days after it ended, with the times held from it; not one still running, however old", async () => {
    await seedReferenceData();
    const db = await getDb();
    const patient = await createUser("patient");
    const provider = await createProvider({ name: "Purge Waitlist" });
    const entry = (joinedDaysAgo: number, endedDaysAgo: number | null) => ({
      patientId: patient.id,
      providerId: provider.id,
      appointmentTypeId: provider.typeIds[0]!,
      fromDate: "2031-01-01",
      toDate: "2031-01-31",
      joinedAt: daysAgo(joinedDaysAgo),
      endedAt: endedDaysAgo === null ? null : daysAgo(endedDaysAgo),
      endReason: endedDaysAgo === null ? null : ("left" as const),
    });
    const entries = await db.insert(waitlistEntries).values([entry(60, 31), entry(40, 29), entry(90, null)]).returning({ id: waitlistEntries.id });
    await db.insert(waitlistOffers).values({ entryId: entries[0]!.id, startsAt: daysAgo(35), tokenHash: `purge-${patient.id}`, expiresAt: daysAgo(35), outcome: "expired" });

    expect((await purgeExpiredRecords(NOW)).waitlists).toBeGreaterThanOrEqual(1);
    const left = await db.select({ id: waitlistEntries.id }).from(waitlistEntries).where(eq(waitlistEntries.patientId, patient.id));
    expect(left.map((r) => r.id).sort()).toEqual([entries[1]!.id, entries[2]!.id].sort());
    expect(await db.$count(waitlistOffers, eq(waitlistOffers.entryId, entries[0]!.id))).toBe(0);
  });
});
