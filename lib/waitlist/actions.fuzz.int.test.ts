import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { timeOff, waitlistEntries } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, type TestUser } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { formOf, mutated, type FormAction } from "@/db/testing/form-fuzz";
import { joinWaitlistAction } from "@/app/providers/[slug]/join-waitlist-action";
import { leaveWaitlistAction } from "@/app/patient/leave-waitlist-action";

// Random, huge and wrongly typed form input against the waitlist actions: every call answers with
// a message (never throws, which would be a 500), and a refused call changes no waitlist.

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const RUNS = 40;

async function snapshot(patientId: string): Promise<unknown> {
  const [row] = await executeRows<{ state: unknown }>(sql`select json_agg(w order by w.id) as state from waitlist_entries w where w.patient_id = ${patientId}`);
  return row!.state;
}

let patient: TestUser;
let slug: string;
let typeId: string;
let entryId: string;
const day = (weeks: number) => new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedReferenceData();
  patient = await createUser("patient");
  const provider = await createProvider({ name: "Waitlist Fuzz" });
  slug = provider.slug;
  typeId = provider.typeIds[0]!;
  const db = await getDb();
  // Away for a week, so joining those days is valid: there is no free time in them.
  await db.insert(timeOff).values({ providerId: provider.id, startsAt: new Date(`${day(3)}T00:00:00Z`), endsAt: new Date(`${day(4)}T00:00:00Z`) });
  const [entry] = await db.insert(waitlistEntries).values({ patientId: patient.id, providerId: provider.id, appointmentTypeId: typeId, fromDate: day(5), toDate: day(5) }).returning({ id: waitlistEntries.id });
  entryId = entry!.id;
});

async function fuzz(action: FormAction, valid: Record<string, string[]>) {
  await fc.assert(
    fc.asyncProperty(mutated(valid), async (fields) => {
      await actAs(patient);
      const before = await snapshot(patient.id);
      const result = await action({}, formOf(fields));
      expect(result).toBeTypeOf("object");
      if (!result.ok) {
        expect(result.error ?? "").not.toBe("");
        expect(await snapshot(patient.id)).toEqual(before);
      }
      // A success is undone so the cap of 3 never decides the next run.
      if (result.ok) await (await getDb()).delete(waitlistEntries).where(eq(waitlistEntries.patientId, patient.id));
    }),
    { numRuns: RUNS },
  );
}

describe("fuzzed waitlist actions never fail with a 500 and never write half a change", () => {
  it("join", () => fuzz(joinWaitlistAction, { providerSlug: [slug], appointmentTypeId: [typeId], locationId: [""], fromDate: [day(3)], toDate: [day(3)] }));
  it("leave", () => fuzz(leaveWaitlistAction, { id: [entryId] }));
});
