import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import { treatmentResponseOf } from "@/lib/treatments/response-query";
import type { TreatmentResponse } from "@/lib/treatments/response";
import { treatmentsOf, type TreatmentRecord } from "@/lib/treatments/records";
import { addDays } from "@/lib/ui/time-zone";
import { diaryOf, type ScoreView } from "./entries";
import { sharedPatientFor } from "./sharing";
import type { MonthSummary } from "./summary";
import { diaryToday } from "./validation";

// What a provider sees of a patient who allowed it (./sharing.ts): the diary's monthly numbers for
// the last year, the MIDAS and HIT-6 totals, every treatment with any provider, and the response
// with its numbers. Not the diary's notes: the patient wrote those for themself. Each read is
// audited on the patient before anything is returned, so the export's disclosures list it.

export type SharedProgress = {
  patient: { id: string; name: string };
  /** The reading provider's listing. */
  providerId: string;
  from: string;
  to: string;
  months: MonthSummary[];
  daysRecorded: number;
  scores: ScoreView[];
  treatments: TreatmentRecord[];
  response: TreatmentResponse;
};

export async function readSharedProgress(provider: CurrentUser, patientId: string, today: string = diaryToday()): Promise<SharedProgress | null> {
  const shared = await sharedPatientFor(provider, patientId);
  if (!shared) return null;
  const db = await getDb();
  await recordAudit(db, { actorId: provider.id, action: "diary.read", subjectType: "patient", subjectId: shared.patient.id, details: { providerId: shared.providerId } });
  const range = { from: addDays(today, -364), to: today };
  const [diary, treatments, response] = await Promise.all([diaryOf(shared.patient.id, range), treatmentsOf(shared.patient.id), treatmentResponseOf(shared.patient.id, today)]);
  return {
    patient: shared.patient,
    providerId: shared.providerId,
    ...range,
    months: diary.months,
    daysRecorded: diary.entries.length,
    scores: diary.scores,
    treatments: treatments.history,
    response,
  };
}
