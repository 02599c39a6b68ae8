import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { diaryEntries, providers } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { createBooking } from "@/lib/booking/queries";
import { confirmBooking, markCompleted } from "@/lib/booking/transitions";
import { addDays } from "@/lib/ui/time-zone";
import { getTreatmentResponse } from "./response-query";

// The patient's treatment response read from their own diary, treatments and intake, judged by the
// threshold of the provider who treated them last (issue 14, part 3).

const TODAY = "2026-12-01";
const FIRST = "2026-06-01"; // Monday
const SECOND = addDays(FIRST, 84); // Monday 2026-08-24
const ny = (date: string, hour: number) => DateTime.fromISO(date, { zone: "America/New_York" }).set({ hour }).toUTC().toISO()!;
const at = (date: string, hour: number) => new Date(ny(date, hour));

beforeAll(async () => {
  await seedReferenceData();
});

async function treatedTwice(threshold: number) {
  const user = await createUser("provider");
  const clinic = await createProvider({
    provider: { userId: user.id, horizonDays: 365, minNoticeMinutes: 0, responseThresholdPercent: threshold },
    appointmentTypes: [{ kind: "treatment", name: "Treatment session", minutes: 30 }, { kind: "initial_consultation" }],
  });
  const patient = await createUser("patient");
  for (const [date, bookedOn] of [[FIRST, "2026-05-25"], [SECOND, "2026-06-02"]] as const) {
    const booked = await createBooking(patient, { providerSlug: clinic.slug, appointmentTypeId: clinic.typeIds[0]!, locationId: clinic.locationIds[0]!, start: ny(date, 10), telehealth: false, intake: validIntake({ headacheDaysPerMonth: 15 }) }, at(bookedOn, 9));
    if (!booked.ok) throw new Error(booked.message);
    expect(await confirmBooking(user, booked.id, at(bookedOn, 9))).toMatchObject({ ok: true });
    expect(await markCompleted(user, booked.id, { product: "botox", units: 155, regions: "PREEMPT sites", lot: "" }, at(date, 11))).toMatchObject({ ok: true });
  }
  return { clinic, patient };
}

/** Diary days from `from`, `count` of them, the first `headache` with a headache. */
async function keepDiary(patient: TestUser, from: string, count: number, headache: number) {
  const db = await getDb();
  await db.insert(diaryEntries).values(
    Array.from({ length: count }, (_, i) => ({ patientId: patient.id, day: addDays(from, i), headache: i < headache, migraine: false, pain: i < headache ? 5 : 0, hours: i < headache ? 3 : 0, acuteMedicine: false })),
  );
}

describe("a patient's treatment response", () => {
  it("compares each cycle with the diary's 28 days before the first treatment, and judges by the latest provider's threshold", async () => {
    const { clinic, patient } = await treatedTwice(40);
    await keepDiary(patient, addDays(FIRST, -28), 28, 20);
    await keepDiary(patient, FIRST, 84, 42);
    await keepDiary(patient, SECOND, 84, 21);
    // Someone else's diary in the same months counts for nothing here.
    const other = await createUser("patient");
    await keepDiary(other, addDays(FIRST, -28), 200, 200);

    const response = await getTreatmentResponse(patient, TODAY);
    expect(response.baseline).toMatchObject({ source: "diary", headacheDaysPer28: 20 });
    expect(response.cycles.map((c) => [c.treatedOn, c.headacheDaysPer28, c.changePercent])).toEqual([
      [FIRST, 14, -30],
      [SECOND, 7, -65],
    ]);
    expect(response).toMatchObject({ thresholdPercent: 40, verdict: "responding" });

    const db = await getDb();
    await db.update(providers).set({ responseThresholdPercent: 70 }).where(eq(providers.id, clinic.id));
    expect(await getTreatmentResponse(patient, TODAY)).toMatchObject({ thresholdPercent: 70, verdict: "below_threshold" });
  });

  it("uses the intake's headache days when the diary before the first treatment is empty", async () => {
    const { patient } = await treatedTwice(30);
    const response = await getTreatmentResponse(patient, TODAY);
    expect(response.baseline).toEqual({ source: "intake", headacheDaysPer28: 13.8 });
    expect(response.cycles.every((c) => c.headacheDaysPer28 === null)).toBe(true);
    expect(response.verdict).toBeNull();
  });

  it("answers nothing for a patient never treated, and is for patients only", async () => {
    expect(await getTreatmentResponse(await createUser("patient"), TODAY)).toEqual({ baseline: null, cycles: [], thresholdPercent: 30, verdict: null });
    await expect(getTreatmentResponse(await createUser("provider"), TODAY)).rejects.toThrow();
  });
});
