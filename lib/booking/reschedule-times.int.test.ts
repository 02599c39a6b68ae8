import { beforeAll, describe, expect, it } from "vitest";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { getAvailability } from "@/lib/scheduling/queries";
import { createBooking } from "./queries";
import { rescheduleTimes } from "./reschedule-times";
import { cancelBooking, rescheduleBooking } from "./transitions";

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
// New York wall-clock time on a December day (UTC-5).
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour + 5, minute)).toISOString();
const THURSDAY = { from: "2026-12-03", to: "2026-12-03" };

const intake = validIntake();

beforeAll(async () => {
  await seedReferenceData();
});

/** A 30-minute visit that keeps the next 30 minutes free, booked for Thursday at 10:00. */
async function bookedAtTen(name: string) {
  const provider = await createProvider({ name, appointmentTypes: [{ minutes: 30, bufferAfterMinutes: 30 }] });
  const patient = await createUser("patient");
  const booked = await createBooking(
    patient,
    { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: at(3, 10), telehealth: false, intake },
    NOW,
  );
  if (!booked.ok) throw new Error(booked.message);
  return { provider, patient, id: booked.id };
}

const starts = (result: Awaited<ReturnType<typeof rescheduleTimes>>) => (result.ok ? result.slots.map((s) => s.start) : []);

describe("times a booking can move to", () => {
  it("include the times that overlap where it is now, which the public free times hide, but not its own time", async () => {
    const { provider, patient, id } = await bookedAtTen("Move Overlap");
    const publicTimes = await getAvailability(provider.slug, { ...THURSDAY, type: provider.typeIds[0]! }, NOW);
    expect(publicTimes.ok && publicTimes.slots.map((s) => s.start)).toEqual(expect.not.arrayContaining([at(3, 9, 30), at(3, 10), at(3, 10, 30)]));

    const moveTimes = starts(await rescheduleTimes(patient, id, THURSDAY, NOW));
    expect(moveTimes).toEqual(expect.arrayContaining([at(3, 9), at(3, 9, 30), at(3, 10, 30), at(3, 11)]));
    expect(moveTimes).not.toContain(at(3, 10));
    // What the panel offers, the move accepts.
    expect(await rescheduleBooking(patient, id, new Date(at(3, 10, 30)), NOW)).toMatchObject({ ok: true });
    expect(starts(await rescheduleTimes(patient, id, THURSDAY, NOW))).toEqual(expect.arrayContaining([at(3, 10)]));
  });

  it("are only for the booking's own patient, while it can still be moved", async () => {
    const { patient, id } = await bookedAtTen("Move Rights");
    const stranger = await createUser("patient");
    const notMovable = { ok: false, status: 404, message: expect.stringContaining("No booking of yours") };
    expect(await rescheduleTimes(stranger, id, THURSDAY, NOW)).toMatchObject(notMovable);
    expect(await rescheduleTimes(patient, "not-a-booking-id", THURSDAY, NOW)).toMatchObject(notMovable);
    expect(await rescheduleTimes(patient, "-".repeat(36), THURSDAY, NOW)).toMatchObject(notMovable);
    await expect(rescheduleTimes(await createUser("provider"), id, THURSDAY, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await cancelBooking(patient, id, "", NOW);
    expect(await rescheduleTimes(patient, id, THURSDAY, NOW)).toMatchObject(notMovable);
  });

  it("answer a bad date range with the field to fix", async () => {
    const { patient, id } = await bookedAtTen("Move Range");
    expect(await rescheduleTimes(patient, id, { from: "2026-12-31", to: "2026-12-01" }, NOW)).toMatchObject({ ok: false, status: 400, field: "to" });
    expect(await rescheduleTimes(patient, id, { from: null, to: "2026-12-01" }, NOW)).toMatchObject({ ok: false, status: 400, field: "from" });
  });
});
