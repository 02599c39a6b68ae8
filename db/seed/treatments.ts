import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/open";
import { appointmentTypes, bookings, diarySharing, locations, providers, treatments, users } from "@/db/schema";
import { newBookingRow } from "@/lib/booking/booking-row";
import { sealTreatment } from "@/lib/treatments/records";
import type { TreatmentDetails } from "@/lib/treatments/validation";
import { DEMO_INTAKE } from "./bookings";
import { DEMO_ANCHORS } from "./generate";

// Treatment cycles with Dr. Maya Chen, so the 84-day rule, the dashboard's "next treatment from"
// and her treatment records show at once: patient@example.com was treated 60 days before `today`
// (the next one from day 84, the reminder at day 70 still to come); two more patients have cycles
// of their own, one of them at day 72, whose "book your next visit" email the first cron run sends,
// the other sharing their diary with her.
// Each is a completed booking of her treatment type with its record, as completing one writes.

export const DEMO_CYCLE_PATIENTS = [
  { email: "cycle1@example.com", name: "Casey Moreno", treatedDaysAgo: [180, 96] },
  { email: "cycle2@example.com", name: "Drew Whitfield", treatedDaysAgo: [72] },
] as const;

const DOSES: TreatmentDetails[] = [
  { product: "botox", units: 155, regions: "Forehead, temples, back of the head, neck and shoulders (31 sites)", lot: "C7712A3" },
  { product: "botox", units: 195, regions: "Forehead, temples, back of the head, neck and shoulders (39 sites)", lot: "C8120B1" },
  { product: "xeomin", units: 120, regions: "Neck and upper shoulders", lot: "" },
];

export async function seedDemoTreatments(db: Database, passwordHash: string, patientId: string, today: string): Promise<void> {
  const [maya] = await db.select({ id: providers.id, window: providers.cancellationWindowHours }).from(providers).where(eq(providers.slug, DEMO_ANCHORS.maya));
  if (!maya) return;
  if ((await db.$count(treatments, eq(treatments.providerId, maya.id))) > 0) return;
  const [location] = await db.select().from(locations).where(eq(locations.providerId, maya.id)).limit(1);
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.providerId, maya.id), eq(appointmentTypes.kind, "treatment"), isNull(appointmentTypes.archivedAt)))
    .limit(1);
  if (!location || !type) return;

  await db
    .insert(users)
    .values(DEMO_CYCLE_PATIENTS.map((p) => ({ email: p.email, name: p.name, role: "patient" as const, passwordHash, emailVerifiedAt: new Date() })))
    .onConflictDoNothing();
  const accounts = await db.select({ id: users.id, email: users.email }).from(users);
  const idOf = (email: string) => accounts.find((a) => a.email === email)!.id;
  const visits = [
    { patientId, daysAgo: 60, dose: DOSES[0]! },
    ...DEMO_CYCLE_PATIENTS.flatMap((p) => p.treatedDaysAgo.map((daysAgo, i) => ({ patientId: idOf(p.email), daysAgo, dose: p.email === "cycle2@example.com" ? DOSES[2]! : DOSES[i]! }))),
  ];

  const morning = DateTime.fromISO(today, { zone: location.timeZone }).set({ hour: 10 });
  for (const visit of visits) {
    const start = morning.minus({ days: visit.daysAgo });
    const row = newBookingRow({ providerId: maya.id, patientId: visit.patientId, location, type, start: start.toJSDate(), status: "completed", intake: DEMO_INTAKE, depositCents: 0, cancellationWindowHours: maya.window });
    await db.insert(bookings).values(row);
    await db.insert(treatments).values({ bookingId: row.id, patientId: visit.patientId, providerId: maya.id, treatedOn: start.toISODate()!, detailsCiphertext: sealTreatment(row.id, visit.dose) });
  }
  // Casey Moreno lets Dr. Chen see their progress, so her view of a shared diary shows at once;
  // patient@example.com has not, and can turn it on from their bookings page.
  await db.insert(diarySharing).values({ patientId: idOf(DEMO_CYCLE_PATIENTS[0].email), providerId: maya.id }).onConflictDoNothing();
}
