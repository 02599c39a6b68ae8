import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointmentTypes, timeOff } from "@/db/schema";
import { createProvider, createUser, seedReferenceData } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { getAvailability } from "./queries";
import { addTimeOff, archiveAppointmentType, getOwnSchedule, removeTimeOff, saveAppointmentType, saveBookingWindow, saveResponseThreshold, saveWeeklyHours } from "./settings";
import { appointmentTypeSchema, responseThresholdSchema, timeOffSchema, weeklyHoursSchema } from "./validation";

const NOW = new Date("2026-12-01T12:00:00Z");

async function ownProvider(name: string) {
  const user = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: user.id } });
  return { user, provider };
}

const slotsOn = async (slug: string, type: string, day: string) => {
  const result = await getAvailability(slug, { from: day, to: day, type }, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.slots.map((s) => s.start);
};

beforeAll(async () => {
  await seedReferenceData();
});

describe("weekly hours", () => {
  it("replaces a location's hours, and free times follow", async () => {
    const { user, provider } = await ownProvider("Settings Hours");
    const input = weeklyHoursSchema.parse({ locationId: provider.locationIds[0], "day-4": "9:00-10:00, 14:00-15:00" });
    expect(await saveWeeklyHours(user, input)).toMatchObject({ ok: true });
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toEqual([
      "2026-12-03T14:00:00.000Z",
      "2026-12-03T14:30:00.000Z",
      "2026-12-03T19:00:00.000Z",
      "2026-12-03T19:30:00.000Z",
    ]);
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-04")).toEqual([]);
    expect((await getOwnSchedule(user, NOW))!.locations[0]!.hours).toHaveLength(2);
  });

  it("puts each unreadable day's message on that day", () => {
    const result = weeklyHoursSchema.safeParse({ locationId: "00000000-0000-4000-8000-000000000000", "day-1": "9-5pm", "day-2": "17:00-9:00" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["day-2"]);
  });

  it("cannot touch another provider's location", async () => {
    const { provider } = await ownProvider("Settings Owner");
    const { user: other } = await ownProvider("Settings Other");
    expect(await saveWeeklyHours(other, weeklyHoursSchema.parse({ locationId: provider.locationIds[0] }))).toMatchObject({ ok: false });
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toHaveLength(16);
    await expect(saveBookingWindow(await createUser("patient"), { minNoticeHours: 1, horizonDays: 10 })).rejects.toThrow(ForbiddenError);
  });
});

describe("time off", () => {
  it("blocks whole days in the clinic's zone and can be removed", async () => {
    const { user, provider } = await ownProvider("Settings Off");
    const input = timeOffSchema.parse({ locationId: "", startDate: "2026-12-03", endDate: "2026-12-03", note: "Conference" });
    expect(await addTimeOff(user, input)).toEqual({ ok: true, message: "Time off added." });
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toEqual([]);
    const [row] = await (await getDb()).select().from(timeOff).where(eq(timeOff.providerId, provider.id));
    // Midnight to midnight New York time.
    expect([row!.startsAt.toISOString(), row!.endsAt.toISOString()]).toEqual(["2026-12-03T05:00:00.000Z", "2026-12-04T05:00:00.000Z"]);
    // The dashboard lists it in the zone it was entered in.
    expect((await getOwnSchedule(user, NOW))!.timeOff).toMatchObject([{ id: row!.id, locationId: null, timeZone: "America/New_York" }]);
    expect(await removeTimeOff(user, row!.id)).toMatchObject({ ok: true });
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toHaveLength(16);
  });

  it("blocks part of a day", async () => {
    const { user, provider } = await ownProvider("Settings Afternoon");
    await addTimeOff(user, timeOffSchema.parse({ locationId: provider.locationIds[0], startDate: "2026-12-03", startTime: "12:00", endDate: "2026-12-03", endTime: "17:00" }));
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toHaveLength(6);
  });

  it("refuses an end before the start", () => {
    expect(timeOffSchema.safeParse({ locationId: "", startDate: "2026-12-04", endDate: "2026-12-03" }).error?.issues[0]?.message).toBe("The end must be after the start.");
  });
});

describe("appointment types and the booking window", () => {
  it("adds, edits and archives types; an archived type is no longer offered", async () => {
    const { user, provider } = await ownProvider("Settings Types");
    const add = appointmentTypeSchema.parse({ kind: "treatment", name: "Botox session", minutes: "45", bufferAfterMinutes: "15", feeCents: "400", depositCents: "50", telehealthAllowed: "" });
    expect(await saveAppointmentType(user, add)).toMatchObject({ ok: true });
    const schedule = (await getOwnSchedule(user, NOW))!;
    const created = schedule.types.find((t) => t.name === "Botox session")!;
    expect(created).toMatchObject({ minutes: 45, bufferAfterMinutes: 15, feeCents: 40_000, depositCents: 5_000 });
    expect(await saveAppointmentType(user, { ...add, id: created.id, minutes: 60 })).toMatchObject({ ok: true });
    expect(await archiveAppointmentType(user, created.id)).toMatchObject({ ok: true });
    expect((await getOwnSchedule(user, NOW))!.types.map((t) => t.name)).toEqual(["Initial consultation"]);
    expect((await getAvailability(provider.slug, { from: "2026-12-03", to: "2026-12-03", type: created.id }, NOW)).ok).toBe(false);
    const [archived] = await (await getDb()).select().from(appointmentTypes).where(eq(appointmentTypes.id, created.id));
    expect(archived!.archivedAt).not.toBeNull();
  });

  it("refuses a deposit above the fee", () => {
    const result = appointmentTypeSchema.safeParse({ kind: "treatment", name: "X session", minutes: "30", bufferAfterMinutes: "0", feeCents: "100", depositCents: "200" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["depositCents"], message: "The deposit cannot be more than the fee." });
  });

  it("moves the minimum notice and the horizon", async () => {
    const { user, provider } = await ownProvider("Settings Window");
    await saveBookingWindow(user, { minNoticeHours: 72, horizonDays: 4 });
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-03")).toEqual([]);
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-04")).toHaveLength(16);
    expect(await slotsOn(provider.slug, provider.typeIds[0]!, "2026-12-07")).toEqual([]);
  });

  it("keeps the treatment response threshold between 10 and 90 %", async () => {
    const { user } = await ownProvider("Settings Threshold");
    expect(responseThresholdSchema.safeParse({ thresholdPercent: "95" }).success).toBe(false);
    expect(responseThresholdSchema.safeParse({ thresholdPercent: "abc" }).success).toBe(false);
    expect(await saveResponseThreshold(user, responseThresholdSchema.parse({ thresholdPercent: "50" }))).toMatchObject({ ok: true });
    expect((await getOwnSchedule(user))?.responseThresholdPercent).toBe(50);
    await expect(saveResponseThreshold(await createUser("patient"), { thresholdPercent: 40 })).rejects.toThrow(ForbiddenError);
  });
});
