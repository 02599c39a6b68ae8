import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { createUser } from "@/db/testing/fixtures";
import { notificationSettings, saveNotificationSettings } from "@/lib/auth/account-settings";
import { saveDiaryEntry } from "./entries";
import { queueDiaryReminders } from "./reminders";

const DAY = new Date("2026-11-20T20:00:00Z");
const nextDay = (days: number) => new Date(DAY.getTime() + days * 86_400_000);

async function reminders(email: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, "diary_reminder")));
}

describe("the daily diary reminder", () => {
  it("goes only to patients who turned it on, once a day, and not after a day already filled in", async () => {
    const on = await createUser("patient");
    const off = await createUser("patient");
    const provider = await createUser("provider");
    await saveNotificationSettings(on, { bookingReminders: true, diaryReminders: true });
    await saveNotificationSettings(provider, { bookingReminders: true, diaryReminders: true });
    expect(await notificationSettings(provider)).toEqual({ bookingReminders: true, diaryReminders: false });

    await Promise.all([queueDiaryReminders(DAY), queueDiaryReminders(DAY)]);
    await queueDiaryReminders(new Date(DAY.getTime() + 3_600_000));
    const first = await reminders(on.email);
    expect(first).toHaveLength(1);
    expect(first[0]!.subject).toBe("Your daily Relief Finder check-in");
    expect(first[0]!.bodyText).not.toMatch(/headache|pain|migraine/i);
    expect(await reminders(off.email)).toEqual([]);
    expect(await reminders(provider.email)).toEqual([]);

    // The patient fills in the next day: no reminder that day; the day after, one again.
    await saveDiaryEntry(on, { date: nextDay(1).toISOString().slice(0, 10), headache: false, migraine: false, pain: 0, hours: 0, acuteMedicine: false, medicines: [], note: undefined });
    await queueDiaryReminders(nextDay(1));
    expect(await reminders(on.email)).toHaveLength(1);
    await queueDiaryReminders(nextDay(3));
    expect(await reminders(on.email)).toHaveLength(2);
  });
});
