import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, providers } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { exportAccount } from "@/lib/account/export";
import { ForbiddenError } from "@/lib/auth/authorize";
import { createBooking } from "@/lib/booking/queries";
import { saveDiaryEntry, saveScore } from "./entries";
import { readSharedProgress } from "./shared-progress";
import { listSharingChoices, setDiarySharing, sharingPatientOfBooking } from "./sharing";

// Issue 14, part 4: a provider sees a patient's diary, scores and treatments only when the patient
// booked with them and allowed it; every read is audited and listed in the patient's export.

const NOW = new Date("2026-12-01T12:00:00Z");
const TODAY = "2026-12-01";
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour + 5)).toISOString();

beforeAll(async () => {
  await seedReferenceData();
});

async function clinic(name: string) {
  const user = await createUser("provider");
  const listed = await createProvider({ name, provider: { userId: user.id } });
  return { user, ...listed };
}

async function book(patient: TestUser, c: Awaited<ReturnType<typeof clinic>>, start: string, shareDiary: boolean) {
  const result = await createBooking(patient, { providerSlug: c.slug, appointmentTypeId: c.typeIds[0]!, locationId: c.locationIds[0]!, start, telehealth: false, intake: validIntake(), shareDiary }, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

async function diaryWithNote(patient: TestUser) {
  await saveDiaryEntry(patient, { date: "2026-11-20", headache: true, migraine: true, pain: 7, hours: 5, acuteMedicine: true, medicines: [], note: "SHARED-NOTE-CANARY" });
  await saveScore(patient, { instrument: "MIDAS", date: "2026-11-21", total: 24 });
}

const auditCount = async (action: string, patientId: string) => {
  const db = await getDb();
  return db.$count(auditEvents, and(eq(auditEvents.action, action), eq(auditEvents.subjectId, patientId)));
};

describe("sharing the diary", () => {
  it("given in the intake, lets that provider read the numbers (never the notes), audits each read, and lists it in the export", async () => {
    const chen = await clinic("Dr. Shares Granted");
    const patient = await createUser("patient");
    await diaryWithNote(patient);
    const bookingId = await book(patient, chen, at(3, 10), true);
    expect(await auditCount("diary.sharing_granted", patient.id)).toBe(1);
    expect(await sharingPatientOfBooking(chen.user, bookingId)).toBe(patient.id);

    const progress = await readSharedProgress(chen.user, patient.id, TODAY);
    expect(progress).toMatchObject({ patient: { id: patient.id, name: patient.name }, daysRecorded: 1, scores: [{ instrument: "MIDAS", total: 24 }] });
    expect(progress!.months).toEqual([expect.objectContaining({ month: "2026-11", headacheDays: 1, migraineDays: 1 })]);
    expect(JSON.stringify(progress)).not.toContain("SHARED-NOTE-CANARY");
    await readSharedProgress(chen.user, patient.id, TODAY);
    expect(await auditCount("diary.read", patient.id)).toBe(2);

    const exported = JSON.parse(JSON.stringify(await exportAccount(patient, NOW))) as { disclosures: { what: string; by: { name: string } }[]; diarySharedWith: { provider: string }[] };
    expect(exported.disclosures.filter((d) => d.what === "your diary, scores and treatments")).toEqual([
      expect.objectContaining({ by: { name: chen.user.name, role: "provider" } }),
      expect.objectContaining({ by: { name: chen.user.name, role: "provider" } }),
    ]);
    expect(exported.diarySharedWith).toEqual([{ provider: "Dr. Shares Granted", since: expect.any(String) }]);
  });

  it("is refused without consent, to a provider never booked, once withdrawn, and while suspended", async () => {
    const asked = await clinic("Dr. Not Allowed");
    const stranger = await clinic("Dr. Stranger");
    const patient = await createUser("patient");
    await diaryWithNote(patient);
    const bookingId = await book(patient, asked, at(4, 10), false);
    expect(await readSharedProgress(asked.user, patient.id, TODAY)).toBeNull();
    expect(await sharingPatientOfBooking(asked.user, bookingId)).toBeNull();
    expect(await setDiarySharing(patient, stranger.slug, true)).toEqual({ ok: false, error: "You can share your diary only with a provider you have booked with." });
    expect(await readSharedProgress(stranger.user, patient.id, TODAY)).toBeNull();

    expect(await listSharingChoices(patient)).toEqual([{ providerSlug: asked.slug, providerName: "Dr. Not Allowed", shared: false }]);
    expect(await setDiarySharing(patient, asked.slug, true)).toMatchObject({ ok: true });
    expect(await listSharingChoices(patient)).toEqual([{ providerSlug: asked.slug, providerName: "Dr. Not Allowed", shared: true }]);
    expect(await readSharedProgress(asked.user, patient.id, TODAY)).not.toBeNull();

    const db = await getDb();
    await db.update(providers).set({ suspendedAt: NOW }).where(eq(providers.id, asked.id));
    expect(await readSharedProgress(asked.user, patient.id, TODAY)).toBeNull();
    await db.update(providers).set({ suspendedAt: null }).where(eq(providers.id, asked.id));

    expect(await setDiarySharing(patient, asked.slug, false)).toMatchObject({ ok: true, message: "Dr. Not Allowed can no longer see your diary." });
    expect(await readSharedProgress(asked.user, patient.id, TODAY)).toBeNull();
    expect(await auditCount("diary.sharing_revoked", patient.id)).toBe(1);
    // Reads refused leave no read on the record; the one allowed does.
    expect(await auditCount("diary.read", patient.id)).toBe(1);
  });

  it("is for the patient to give and for providers to read", async () => {
    const c = await clinic("Dr. Roles");
    const patient = await createUser("patient");
    await book(patient, c, at(7, 10), true);
    await expect(setDiarySharing(c.user, c.slug, true)).rejects.toThrow(ForbiddenError);
    await expect(listSharingChoices(c.user)).rejects.toThrow(ForbiddenError);
    await expect(readSharedProgress(patient, patient.id, TODAY)).rejects.toThrow(ForbiddenError);
    expect(await readSharedProgress(c.user, "not-a-uuid", TODAY)).toBeNull();
  });
});
