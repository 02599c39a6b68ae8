import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { licenses } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, type TestUser } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { formOf, mutated, type FormAction } from "@/db/testing/form-fuzz";
import { saveListingAction } from "@/app/provider/listing/save-listing-action";
import { addLocationAction } from "@/app/provider/locations/add-location-action";
import { submitBoardCertificationAction } from "@/app/provider/licenses/submit-board-certification-action";
import { submitNpiAction } from "@/app/provider/licenses/submit-npi-action";
import { submitStateLicenseAction } from "@/app/provider/licenses/submit-state-license-action";
import { updateStateLicenseAction } from "@/app/provider/licenses/update-state-license-action";
import { approveLicenseAction } from "@/app/admin/licenses/approve-license-action";
import { rejectLicenseAction } from "@/app/admin/licenses/reject-license-action";

// Random, huge and wrongly typed form input against the listing and license actions: every call
// must answer with a message (never throw, which would be a 500), and a refused call must leave
// the listing exactly as it was (never a partial write).

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const RUNS = 40;

/** Everything a listing's owner has, as one JSON value, to compare before and after. */
async function snapshot(providerId: string): Promise<unknown> {
  const [row] = await executeRows<{ state: unknown }>(sql`
    select json_build_object(
      'provider', (select row_to_json(p) from providers p where p.id = ${providerId}),
      'conditions', (select json_agg(pc order by pc.condition_id) from provider_conditions pc where pc.provider_id = ${providerId}),
      'insurance', (select json_agg(pi order by pi.carrier_id) from provider_insurance pi where pi.provider_id = ${providerId}),
      'locations', (select json_agg(l order by l.id) from locations l where l.provider_id = ${providerId}),
      'licenses', (select json_agg(x order by x.id) from licenses x where x.provider_id = ${providerId})
    ) as state`);
  return row!.state;
}

let provider: TestUser;
let admin: TestUser;
let providerId: string;

beforeAll(async () => {
  await seedReferenceData();
  provider = await createUser("provider");
  admin = await createUser("admin");
  providerId = (await createProvider({ name: "Fuzz Target", provider: { userId: provider.id } })).id;
});

async function fuzz(action: FormAction, valid: Record<string, string[]>, as: () => TestUser) {
  await fc.assert(
    fc.asyncProperty(mutated(valid), async (fields) => {
      await actAs(as());
      const before = await snapshot(providerId);
      const result = await action({}, formOf(fields));
      expect(result).toBeTypeOf("object");
      if (!result.ok) {
        expect(result.error ?? "").not.toBe("");
        expect(await snapshot(providerId)).toEqual(before);
      }
    }),
    { numRuns: RUNS },
  );
}

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const VALID_LISTING = {
  name: ["Dr. Fuzz Target"],
  credentials: ["MD"],
  specialty: ["Neurology"],
  bio: ["Bio."],
  yearsExperience: ["10"],
  languages: ["en", "es"],
  gender: ["female"],
  telehealth: ["on"],
  selfPay: ["on"],
  carriers: ["aetna", "cigna"],
  pricePerUnit: ["14"],
  cancellationWindowHours: ["24"],
  cancellationPolicy: ["Cancel a day ahead."],
  conditions: ["chronic-migraine", "tmj-jaw-pain"],
  "years-chronic-migraine": ["5"],
  "note-chronic-migraine": ["Note."],
};

async function aLicenseId(): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: licenses.id }).from(licenses).where(eq(licenses.providerId, providerId)).limit(1);
  return row!.id;
}

describe("fuzzed actions never fail with a 500 and never write half a change", () => {
  it("save listing", () => fuzz(saveListingAction, VALID_LISTING, () => provider));
  it("add location", () => fuzz(addLocationAction, { name: ["Office"], addressLine1: ["1 Main St"], addressLine2: [""], zip: ["10016"], timeZone: [""] }, () => provider));
  it("submit NPI", () => fuzz(submitNpiAction, { number: ["1234567893"] }, () => provider));
  it("submit state license", () => fuzz(submitStateLicenseAction, { state: ["NJ"], number: ["25MA1"], expiresOn: [inAYear] }, () => provider));
  it("submit board certification", () => fuzz(submitBoardCertificationAction, { issuer: ["ABPN"], number: ["77"], expiresOn: [""] }, () => provider));
  it("update, approve and reject a license", async () => {
    const id = await aLicenseId();
    await fuzz(updateStateLicenseAction, { id: [id], state: ["NY"], number: ["NY-9"], expiresOn: [inAYear] }, () => provider);
    await fuzz(approveLicenseAction, { id: [id], sourceNote: ["Checked the NY lookup"] }, () => admin);
    await fuzz(rejectLicenseAction, { id: [id], reason: ["No such license"] }, () => admin);
  });
});
