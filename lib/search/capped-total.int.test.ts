import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointmentTypes, conditions, licenses, locations, providerConditions, providers, weeklyHours } from "@/db/schema";
import { seedReferenceData, validNpi, verified } from "@/db/testing/fixtures";
import { parseSearchFilters, searchProviders } from "./queries";
import { MAX_COUNTED, PAGE_SIZE } from "./types";

const NOW = new Date("2026-11-24T15:00:00Z");
const LISTED = MAX_COUNTED + 5;

async function search(query: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${parsed.error.message}`);
  return searchProviders(parsed.filters, { now: NOW });
}

beforeAll(async () => {
  await seedReferenceData();
  const db = await getDb();
  // A few statements for a thousand providers, the way the seed writes them.
  const rows = await db
    .insert(providers)
    .values(
      Array.from({ length: LISTED }, (_, i) => ({
        slug: `dr-many-${String(i).padStart(4, "0")}`,
        name: `Dr. Many ${String(i).padStart(4, "0")}`,
        credentials: "MD" as const,
        specialty: "Neurology",
        yearsExperience: i % 30,
        listingStatus: "published" as const,
      })),
    )
    .returning({ id: providers.id });
  const [migraine] = await db.select({ id: conditions.id }).from(conditions).where(eq(conditions.slug, "chronic-migraine"));
  const clinics = await db.insert(locations).values(
    rows.map(({ id }, i) => ({
      providerId: id,
      name: "Clinic",
      addressLine1: "1 Congress Ave",
      city: "Austin",
      state: "TX",
      zip: "78701",
      latitude: 30.2711 + i * 0.0001,
      longitude: -97.7437,
      timeZone: "America/Chicago",
    })),
  ).returning({ id: locations.id });
  // Listed means bookable: each needs a consultation type (its fee is the listing's) and hours.
  await db.insert(appointmentTypes).values(
    rows.map(({ id }, i) => ({ providerId: id, kind: "initial_consultation" as const, name: "Consultation", minutes: 30, feeCents: 10_000 + (i % 7) * 1_000 })),
  );
  await db.insert(weeklyHours).values(clinics.map(({ id }) => ({ locationId: id, weekday: 1, startMinute: 540, endMinute: 1020 })));
  await db.insert(providerConditions).values(rows.map(({ id }, i) => ({ providerId: id, conditionId: migraine!.id, yearsTreating: i % 20 })));
  await db.insert(licenses).values(
    rows.flatMap(({ id }) => [
      { providerId: id, kind: "npi" as const, number: validNpi(), ...verified },
      { providerId: id, kind: "state" as const, state: "TX", number: `TX-${id}`, expiresOn: "2027-12-31", ...verified },
    ]),
  );
});

describe("the total", () => {
  it.each([
    ["near a place", "condition=chronic-migraine&near=Austin,+TX"],
    ["across the US", "condition=chronic-migraine"],
    ["across the US by fee", "sort=fee"],
  ])("stops counting at %s past MAX_COUNTED and says so", async (_, query) => {
    const first = await search(query);
    expect(first).toMatchObject({ total: MAX_COUNTED, totalIsCapped: true });
    expect(first.results).toHaveLength(PAGE_SIZE);
  });

  it("still pages past the count, in one order without repeats", async () => {
    const query = "condition=chronic-migraine";
    const lastCounted = MAX_COUNTED / PAGE_SIZE;
    const pages = await Promise.all([lastCounted, lastCounted + 1, lastCounted + 2].map((page) => search(`${query}&page=${page}`)));
    expect(pages.map((p) => p.results.length)).toEqual([PAGE_SIZE, LISTED - MAX_COUNTED, 0]);
    const everyone = (await Promise.all(Array.from({ length: lastCounted + 1 }, (_, i) => search(`${query}&page=${i + 1}`)))).flatMap((p) => p.results);
    expect(new Set(everyone.map((r) => r.slug)).size).toBe(LISTED);
  });

  it("is exact below the cap", async () => {
    // Every seventh provider charges $100.
    expect(await search("condition=chronic-migraine&near=Austin,+TX&maxFee=100")).toMatchObject({ total: Math.ceil(LISTED / 7), totalIsCapped: false });
  });
});
