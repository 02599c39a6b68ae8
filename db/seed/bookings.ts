import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/open";
import { appointmentTypes, bookings, locations, providers } from "@/db/schema";
import { answerDeadline } from "@/lib/booking/answer-by";
import { newBookingRow } from "@/lib/booking/booking-row";
import { DEMO_ANCHORS } from "./generate";

// A few bookings with Dr. Maya Chen so the demo's dashboards are not empty: a confirmed visit and
// a past one for patient@example.com, and a new request from patient2@example.com with a safety
// answer the provider should notice. Dates follow `today`; the intake answers are fictional.

export const DEMO_INTAKE = {
  condition: "chronic-migraine",
  symptoms: "Throbbing headaches behind the left eye, with nausea and light sensitivity.",
  duration: "1-5-years",
  painScore: 7,
  headacheDaysPerMonth: 16,
  treatmentsTried: ["triptans", "oral-medicines"],
  earlierBotox: "",
  medicines: "Sumatriptan 50 mg as needed; topiramate 50 mg daily",
  allergies: "Penicillin",
  safety: { neuromuscularDisease: false, pregnantOrBreastfeeding: false, infectionAtSite: false, priorReaction: false },
  payment: "self-pay",
  insuranceCarrier: "",
  consent: "yes",
};

/** The first Monday-to-Friday date at least `days` after `today`, at `hour` New York time. */
export function weekdayAt(today: string, days: number, hour: number): DateTime {
  let day = DateTime.fromISO(today, { zone: "America/New_York" }).plus({ days });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 });
}

export async function seedDemoBookings(db: Database, patients: { patient: string; patient2: string }, today: string): Promise<void> {
  const [maya] = await db
    .select({ id: providers.id, cancellationWindowHours: providers.cancellationWindowHours })
    .from(providers)
    .where(eq(providers.slug, DEMO_ANCHORS.maya));
  if (!maya) return;
  if ((await db.$count(bookings, eq(bookings.providerId, maya.id))) > 0) return;
  const [location] = await db.select().from(locations).where(eq(locations.providerId, maya.id)).limit(1);
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.providerId, maya.id), eq(appointmentTypes.kind, "initial_consultation"), isNull(appointmentTypes.archivedAt)))
    .limit(1);
  if (!location || !type) return;

  const plans = [
    { patientId: patients.patient, start: weekdayAt(today, 3, 10), status: "confirmed" as const, intake: DEMO_INTAKE },
    { patientId: patients.patient, start: weekdayAt(today, -21, 11), status: "completed" as const, intake: DEMO_INTAKE },
    {
      patientId: patients.patient2,
      start: weekdayAt(today, 4, 14),
      status: "requested" as const,
      intake: { ...DEMO_INTAKE, condition: "neck-shoulder-pain", headacheDaysPerMonth: null, painScore: 6, symptoms: "Stiff, aching neck after long days at a desk.", safety: { ...DEMO_INTAKE.safety, pregnantOrBreastfeeding: true } },
    },
  ];
  // The request reached Dr. Chen this morning, and has the answer-by time any request gets.
  const requestedAt = DateTime.fromISO(today, { zone: "America/New_York" }).set({ hour: 8 }).toJSDate();
  await db.insert(bookings).values(
    plans.map((plan) => ({
      ...newBookingRow({ providerId: maya.id, patientId: plan.patientId, location, type, start: plan.start.toJSDate(), status: plan.status, intake: plan.intake, depositCents: 0, cancellationWindowHours: maya.cancellationWindowHours }),
      ...(plan.status === "requested" ? { requestedAt, answerBy: answerDeadline(plan.start.toJSDate(), requestedAt) } : {}),
    })),
  );
}
