import "server-only";
import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, diaryEntries, providers, treatments } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { openJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { diaryToday } from "@/lib/diary/validation";
import { addDays } from "@/lib/ui/time-zone";
import { BASELINE_DAYS, treatmentResponse, type TreatmentResponse } from "./response";

// The patient's own treatment response (./response.ts) from their diary, their completed
// treatments and, when the diary before the first treatment is too thin, the headache days their
// intake gave. The threshold is that of the provider who gave the latest treatment.

/** Intakes looked at for the headache days, newest first, before the first treatment. */
const INTAKES_CONSIDERED = 5;

async function intakeHeadacheDays(patientId: string, firstTreatment: string): Promise<number | null> {
  const db = await getDb();
  const rows = await db
    .select({ id: bookings.id, intake: bookings.intakeCiphertext })
    .from(bookings)
    .where(and(eq(bookings.patientId, patientId), sql`(${bookings.startsAt} at time zone ${bookings.timeZone})::date <= ${firstTreatment}::date`))
    .orderBy(desc(bookings.startsAt))
    .limit(INTAKES_CONSIDERED);
  for (const row of rows) {
    try {
      const days = (openJson(row.intake, row.id) as { headacheDaysPerMonth?: unknown }).headacheDaysPerMonth;
      if (typeof days === "number") return days;
    } catch (error) {
      // An intake sealed under another key is skipped like one that did not ask.
      if (!(error instanceof SealedDataError)) throw error;
    }
  }
  return null;
}

export async function getTreatmentResponse(patient: Pick<CurrentUser, "id" | "role">, today: string = diaryToday()): Promise<TreatmentResponse> {
  assertRole(patient, ["patient"], "only patients read their own treatment response");
  return treatmentResponseOf(patient.id, today);
}

/** Any patient's response: for callers that have checked the right to read it (see getTreatmentResponse). */
export async function treatmentResponseOf(patientId: string, today: string): Promise<TreatmentResponse> {
  const patient = { id: patientId };
  const db = await getDb();
  const given = await db
    .select({ treatedOn: treatments.treatedOn, threshold: providers.responseThresholdPercent })
    .from(treatments)
    .innerJoin(providers, eq(providers.id, treatments.providerId))
    .where(eq(treatments.patientId, patient.id))
    .orderBy(asc(treatments.treatedOn));
  const first = given[0]?.treatedOn;
  if (!first) return treatmentResponse({ days: [], treatments: [], intakeHeadacheDaysPerMonth: null, today });
  const [days, intake] = await Promise.all([
    db
      .select({ date: diaryEntries.day, headache: diaryEntries.headache })
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, patient.id), gte(diaryEntries.day, addDays(first, -BASELINE_DAYS)), lte(diaryEntries.day, today))),
    intakeHeadacheDays(patient.id, first),
  ]);
  return treatmentResponse({ days, treatments: given.map((t) => t.treatedOn), intakeHeadacheDaysPerMonth: intake, today, thresholdPercent: given.at(-1)!.threshold });
}
