import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, signInAttempts } from "@/db/schema";
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
});
