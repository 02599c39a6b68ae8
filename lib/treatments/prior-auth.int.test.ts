import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, diaryEntries } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { intakeSchema } from "@/lib/booking/intake";
import { createBooking } from "@/lib/booking/queries";
import { addDays } from "@/lib/ui/time-zone";
import { readPriorAuthSummary } from "./prior-auth-query";

// Issue 14, part 5: the checklist a provider prints, from the patient's shared diary and the intake
// of their latest booking with that provider; only with consent, and the intake read audited.

const NOW = new Date("2026-12-01T12:00:00Z");
const TODAY = "2026-12-01";

beforeAll(async () => {
  await seedReferenceData();
});

/** Every day from September to November, `headache` of each ten with a headache, half of those migraine-like. */
async function threeFullMonths(patient: TestUser, headachePerTen: number) {
  const db = await getDb();
  const days = Array.from({ length: 91 }, (_, i) => addDays("2026-09-01", i));
  await db.insert(diaryEntries).values(
    days.map((day, i) => {
      const headache = i % 10 < headachePerTen;
      return { patientId: patient.id, day, headache, migraine: headache && i % 2 === 0, pain: headache ? 6 : 0, hours: headache ? 4 : 0, acuteMedicine: headache };
    }),
  );
}

async function sharedWith(shareDiary: boolean, preventives?: Record<string, string>) {
  const user = await createUser("provider");
  const clinic = await createProvider({ provider: { userId: user.id } });
  const patient = await createUser("patient");
  const result = await createBooking(
    patient,
    { providerSlug: clinic.slug, appointmentTypeId: clinic.typeIds[0]!, locationId: clinic.locationIds[0]!, start: new Date(Date.UTC(2026, 11, 3, 15)).toISOString(), telehealth: false, intake: validIntake(preventives ? { preventives } : {}), shareDiary },
    NOW,
  );
  if (!result.ok) throw new Error(result.message);
  return { user, patient, bookingId: result.id };
}

describe("the prior-authorization summary", () => {
  it("checks the diary's three months and the intake's preventives, and records the intake read", async () => {
    const { user, patient, bookingId } = await sharedWith(true, { antiepileptic: "60-days", betaBlocker: "side-effects" });
    await threeFullMonths(patient, 6);
    const summary = await readPriorAuthSummary(user, patient.id, TODAY);
    const status = Object.fromEntries(summary!.checklist.map((i) => [i.key, i.status]));
    expect(status).toEqual({ "headache-days": "met", "migraine-days": "met", preventives: "met", interval: "met", continuation: "unknown" });
    expect(summary!.payment).toBe("self-pay");
    const db = await getDb();
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, "intake.read"), eq(auditEvents.subjectId, bookingId)))).toBe(1);
  });

  it("says not met for a fully recorded month under 15 headache days, and unknown where the intake never asked", async () => {
    const { user, patient } = await sharedWith(true);
    await threeFullMonths(patient, 4);
    const summary = await readPriorAuthSummary(user, patient.id, TODAY);
    const status = Object.fromEntries(summary!.checklist.map((i) => [i.key, i.status]));
    expect(status).toMatchObject({ "headache-days": "not_met", preventives: "unknown" });
  });

  it("is not available without the patient's consent", async () => {
    const { user, patient, bookingId } = await sharedWith(false);
    expect(await readPriorAuthSummary(user, patient.id, TODAY)).toBeNull();
    const db = await getDb();
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, "intake.read"), eq(auditEvents.subjectId, bookingId)))).toBe(0);
  });

  it("refuses an unknown preventive answer with a field message", () => {
    const parsed = intakeSchema.safeParse({ ...validIntake(), safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no" }, painScore: "6", headacheDaysPerMonth: "15", consent: "yes", preventives: { antiepileptic: "forever" } });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["preventives", "antiepileptic"], message: "Choose how it went from the list." });
  });
});
