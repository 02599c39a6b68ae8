import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Intake } from "@/lib/booking/intake";
import { openJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { readSharedProgress, type SharedProgress } from "@/lib/diary/shared-progress";
import { diaryToday } from "@/lib/diary/validation";
import { priorAuthChecklist, type ChecklistItem } from "./prior-auth";

// The prior-authorization summary a provider prints for an insurer: the checklist (./prior-auth.ts)
// over the patient's shared diary and treatments and the intake of their latest booking with this
// provider. It needs the patient's consent to share (lib/diary/sharing.ts); the diary read and the
// intake read are both audited, as on the provider's other pages.

export type PriorAuthSummary = {
  progress: SharedProgress;
  checklist: ChecklistItem[];
  /** When the intake the checklist used was sent; null without a readable one. */
  intakeSentAt: string | null;
  payment: Intake["payment"] | null;
};

export async function readPriorAuthSummary(provider: CurrentUser, patientId: string, today: string = diaryToday()): Promise<PriorAuthSummary | null> {
  const progress = await readSharedProgress(provider, patientId, today);
  if (!progress) return null;
  const db = await getDb();
  const [latest] = await db
    .select({ id: bookings.id, providerId: bookings.providerId, intake: bookings.intakeCiphertext, createdAt: bookings.createdAt })
    .from(bookings)
    .where(and(eq(bookings.patientId, progress.patient.id), eq(bookings.providerId, progress.providerId)))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  let intake: Intake | null = null;
  if (latest) {
    await recordAudit(db, { actorId: provider.id, action: "intake.read", subjectType: "booking", subjectId: latest.id, details: { providerId: latest.providerId, for: "prior-auth" } });
    try {
      intake = openJson(latest.intake, latest.id) as Intake;
    } catch (error) {
      if (!(error instanceof SealedDataError)) throw error;
    }
  }
  const checklist = priorAuthChecklist({
    today,
    months: progress.months,
    intake: intake ? { headacheDaysPerMonth: intake.headacheDaysPerMonth, preventives: intake.preventives } : null,
    treatments: progress.treatments.map((t) => t.treatedOn),
    response: progress.response,
  });
  return { progress, checklist, intakeSentAt: intake && latest ? latest.createdAt.toISOString() : null, payment: intake?.payment ?? null };
}
