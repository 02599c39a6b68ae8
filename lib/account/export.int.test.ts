import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/account/export/route";
import { getDb } from "@/db/client";
import { auditEvents, licenses, treatments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { getInboxBooking } from "@/lib/booking/inbox";
import { createBooking } from "@/lib/booking/queries";
import { declineBooking } from "@/lib/booking/transitions";
import { saveDiaryEntry } from "@/lib/diary/entries";
import { sealTreatment } from "@/lib/treatments/records";
import { exportAccount } from "./export";

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();
const intake = validIntake({ symptoms: "EXPORT-CANARY daily headaches" });

beforeAll(async () => {
  await seedReferenceData();
});
afterEach(() => actAs(null));

async function world() {
  const providerUser = await createUser("provider", "Dr. Export Reader");
  const provider = await createProvider({ name: "Dr. Export Reader", provider: { userId: providerUser.id } });
  const patient = await createUser("patient");
  const other = await createUser("patient");
  const book = async (who: typeof patient, start: string) => {
    const result = await createBooking(who, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake }, NOW);
    if (!result.ok) throw new Error(result.message);
    return result.id;
  };
  return { providerUser, provider, patient, other, book };
}

describe("a patient's export", () => {
  it("holds the account, each booking with its intake and notes, the diary, and who else read the intake", async () => {
    const { providerUser, provider, patient, other, book } = await world();
    const mine = await book(patient, at(3, 10));
    const theirs = await book(other, at(3, 11));
    await getInboxBooking(providerUser, mine);
    await declineBooking(providerUser, mine, "Not a fit for a first visit", NOW);
    await saveDiaryEntry(patient, { date: "2026-11-20", headache: true, migraine: false, pain: 6, hours: 3, acuteMedicine: false, medicines: [], note: "DIARY-CANARY" });
    const db0 = await getDb();
    await db0.insert(treatments).values({ bookingId: mine, patientId: patient.id, providerId: provider.id, treatedOn: "2026-09-01", detailsCiphertext: sealTreatment(mine, { product: "xeomin", units: 100, regions: "neck", lot: "L1" }) });

    // Read as the downloaded file is: JSON.
    type PatientDocument = { account: unknown; bookings: { id: string; intake: { symptoms: string }; notes: { declineReason: string } }[]; treatments: unknown[]; diary: { entries: { note?: string }[] }; disclosures: unknown[] };
    const data = JSON.parse(JSON.stringify(await exportAccount(patient, NOW))) as PatientDocument;
    expect(data.account).toMatchObject({ id: patient.id, email: patient.email, role: "patient", notifications: { bookingReminders: true } });
    const bookings = data.bookings;
    expect(bookings.map((b) => b.id)).toEqual([mine]);
    expect(bookings[0]!.intake.symptoms).toBe("EXPORT-CANARY daily headaches");
    expect(bookings[0]!.notes.declineReason).toBe("Not a fit for a first visit");
    expect(JSON.stringify(data)).not.toContain(theirs);
    expect(data.diary.entries).toEqual([expect.objectContaining({ date: "2026-11-20", note: "DIARY-CANARY" })]);
    expect(data.treatments).toEqual([{ bookingId: mine, treatedOn: "2026-09-01", provider: { name: "Dr. Export Reader", slug: provider.slug }, product: "Xeomin (incobotulinumtoxinA)", units: 100, regions: "neck", lot: "L1" }]);
    expect(data.disclosures).toEqual([
      { at: expect.any(String), bookingId: mine, what: "intake", by: { name: providerUser.name, role: "provider" } },
    ]);

    // The export's own reading of the intake is on the record, as the patient's.
    const db = await getDb();
    const reads = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, mine), eq(auditEvents.action, "intake.read"), eq(auditEvents.actorId, patient.id)));
    expect(reads).toHaveLength(1);
  });
});

describe("a provider's export", () => {
  it("holds the listing, licenses, schedule and bookings, and nothing a patient wrote or who they are", async () => {
    const { providerUser, provider, patient, book } = await world();
    await book(patient, at(3, 10));
    const db = await getDb();
    await db.insert(licenses).values({ providerId: provider.id, kind: "state", state: "NY", number: "NY-EXPORT-1", expiresOn: "2027-06-30" });

    type ProviderDocument = { listing: { slug: string }; licenses: { number: string }[]; locations: { weeklyHours: unknown[] }[]; bookings: unknown[] };
    const data = JSON.parse(JSON.stringify(await exportAccount(providerUser, NOW))) as ProviderDocument;
    expect(data.listing.slug).toBe(provider.slug);
    expect(data.licenses.map((l) => l.number)).toContain("NY-EXPORT-1");
    expect(data.locations[0]!.weeklyHours.length).toBeGreaterThan(0);
    expect(data.bookings).toHaveLength(1);
    const text = JSON.stringify(data);
    for (const secret of ["EXPORT-CANARY", patient.email, patient.name, patient.id]) expect(text).not.toContain(secret);
  });
});

describe("GET /api/account/export", () => {
  const get = () => GET(new NextRequest("http://localhost/api/account/export"));

  it("answers 401 to nobody, and the caller's own data as a download", async () => {
    expect((await get()).status).toBe(401);
    const patient = await createUser("patient");
    await actAs(patient);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="relief-finder-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await response.json()).account).toMatchObject({ id: patient.id, email: patient.email });
  });
});
