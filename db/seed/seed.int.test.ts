import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows, getDb, type Database } from "@/db/client";
import {
  appointmentTypes,
  bookings,
  conditions,
  insuranceCarriers,
  licenses,
  locations,
  payments,
  providerConditions,
  providerInsurance,
  providers,
  weeklyHours,
} from "@/db/schema";
import { createUser } from "@/db/testing/fixtures";
import { newBookingRow } from "@/lib/booking/booking-row";
import { telehealthStates } from "@/lib/licensing/telehealth";
import { bookableLocation } from "@/lib/licensing/trust";
import { CARRIERS } from "./carriers";
import { CONDITION_SLUGS } from "./conditions";
import { DEMO_ANCHORS } from "./generate";
import { seedDatabase } from "./index";
import { METROS } from "./metros";

const TODAY = "2026-10-03";
const PROVIDERS = 300;

let db: Database;

beforeAll(async () => {
  db = await getDb();
});

async function tableCounts() {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    providers: await n(providers),
    locations: await n(locations),
    providerConditions: await n(providerConditions),
    providerInsurance: await n(providerInsurance),
    licenses: await n(licenses),
    appointmentTypes: await n(appointmentTypes),
    weeklyHours: await n(weeklyHours),
  };
}

describe("seedDatabase", () => {
  it("writes the reference data and every generated row, all accepted by the schema's constraints", async () => {
    const progress: number[] = [];
    const result = await seedDatabase(db, { providers: PROVIDERS, today: TODAY, onProgress: ({ inserted }) => progress.push(inserted) });

    expect(result.status).toBe("seeded");
    if (result.status !== "seeded") return;
    expect(result.counts.providers).toBe(PROVIDERS);
    expect(await tableCounts()).toEqual(result.counts);
    expect(progress.at(-1)).toBe(PROVIDERS);

    const conditionSlugs = await db.select({ slug: conditions.slug }).from(conditions).orderBy(conditions.sortOrder);
    expect(conditionSlugs.map((c) => c.slug)).toEqual([...CONDITION_SLUGS]);
    expect((await db.select({ n: count() }).from(insuranceCarriers))[0]!.n).toBe(CARRIERS.length);
  });

  it("lists every condition in every metro under the trust rule", async () => {
    const rows = await executeRows<{ zip: string; slug: string }>(sql`
      select distinct l.zip, c.slug
      from locations l
      join providers p on p.id = l.provider_id
      join provider_conditions pc on pc.provider_id = p.id
      join conditions c on c.id = pc.condition_id
      where ${bookableLocation(TODAY)}
    `);
    const metroOfZip = new Map(METROS.flatMap((m) => m.zips.map((zip) => [zip, m.slug] as const)));
    const covered = new Set(rows.map((r) => `${metroOfZip.get(r.zip)}|${r.slug}`));
    const missing = METROS.flatMap((m) => CONDITION_SLUGS.map((c) => `${m.slug}|${c}`)).filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });

  it("stores the demo anchor exactly as other tests expect it", async () => {
    const [maya] = await db.select().from(providers).where(eq(providers.slug, DEMO_ANCHORS.maya));
    expect(maya).toMatchObject({ name: "Dr. Maya Chen", credentials: "MD", listingStatus: "published", selfPay: true });
    const [consultation] = await db
      .select({ depositCents: appointmentTypes.depositCents })
      .from(appointmentTypes)
      .where(and(eq(appointmentTypes.providerId, maya!.id), eq(appointmentTypes.kind, "initial_consultation")));
    expect(consultation!.depositCents).toBeGreaterThan(0);

    const mayaLocations = await db.select({ zip: locations.zip, timeZone: locations.timeZone }).from(locations).where(eq(locations.providerId, maya!.id));
    expect(mayaLocations).toEqual([{ zip: "10016", timeZone: "America/New_York" }]);

    const carriers = await db
      .select({ slug: insuranceCarriers.slug })
      .from(providerInsurance)
      .innerJoin(insuranceCarriers, eq(insuranceCarriers.id, providerInsurance.carrierId))
      .where(eq(providerInsurance.providerId, maya!.id));
    expect(carriers.map((c) => c.slug)).toContain("aetna");

    const verifiedNy = await db
      .select({ n: count() })
      .from(licenses)
      .where(and(eq(licenses.providerId, maya!.id), eq(licenses.kind, "state"), eq(licenses.state, "NY"), eq(licenses.status, "verified")));
    expect(verifiedNy[0]!.n).toBe(1);
  });

  it("gives patient@example.com the 120 days before today of diary and a few questionnaire totals", async () => {
    const [diary] = await executeRows<{ days: number; first: string; last: string; headache: number; scores: number }>(sql`
      select count(*)::int as days, min(e.day)::text as first, max(e.day)::text as last, count(*) filter (where e.headache)::int as headache,
             (select count(*)::int from diary_scores s where s.patient_id = u.id) as scores
      from users u join diary_entries e on e.patient_id = u.id where u.email = 'patient@example.com' group by u.id`);
    expect(diary).toMatchObject({ days: 120, first: "2026-06-05", last: "2026-10-02", scores: 5 });
    // Enough headache days for the charts to show something.
    expect(diary!.headache).toBeGreaterThan(30);
  });

  it("skips when providers exist, but still refreshes condition text", async () => {
    await db.update(conditions).set({ name: "Stale name" }).where(eq(conditions.slug, "chronic-migraine"));
    const before = await tableCounts();

    const result = await seedDatabase(db, { providers: 50, today: TODAY });

    expect(result).toEqual({ status: "skipped", existingProviders: PROVIDERS });
    expect(await tableCounts()).toEqual(before);
    const [migraine] = await db.select({ name: conditions.name }).from(conditions).where(eq(conditions.slug, "chronic-migraine"));
    expect(migraine!.name).toBe("Chronic migraine");
  });

  it("replaces every provider with reset, paid deposits and all", async () => {
    // A developer who tried the deposit flow has a booking with a payment row (which, as a money
    // record, does not cascade): the reset must still go through.
    const [location] = await db.select().from(locations).limit(1);
    const [type] = await db.select().from(appointmentTypes).where(eq(appointmentTypes.providerId, location!.providerId)).limit(1);
    const patient = await createUser("patient");
    const booking = newBookingRow({ providerId: location!.providerId, patientId: patient.id, location: location!, type: type!, start: new Date("2026-10-20T14:00:00Z"), status: "requested", intake: {}, cancellationWindowHours: 24 });
    await db.insert(bookings).values(booking);
    await db.insert(payments).values({ bookingId: booking.id, amountCents: 5_000, status: "paid" });

    const result = await seedDatabase(db, { providers: 120, today: TODAY, seed: 5, reset: true });

    expect(result).toMatchObject({ status: "seeded", deletedProviders: PROVIDERS });
    const after = await tableCounts();
    expect(after.providers).toBe(120);
    if (result.status === "seeded") expect(after).toEqual(result.counts);
    expect((await db.select({ n: count() }).from(conditions))[0]!.n).toBe(CONDITION_SLUGS.length);
  });

  it("refuses to run with NODE_ENV=production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    try {
      const { seedDatabase: seedInProduction } = await import("./index");
      await expect(seedInProduction(db, { providers: 1, today: TODAY, reset: true })).rejects.toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    expect((await tableCounts()).providers).toBe(120);
  });
});

describe("demo bookings", () => {
  it("gives the demo patients a confirmed, a past and a requested consultation and a past treatment with Dr. Maya Chen, intakes sealed", async () => {
    const rows = await executeRows<{ email: string; status: string; starts_at: string | Date; intake_ciphertext: string }>(sql`
      select u.email, b.status, b.starts_at, b.intake_ciphertext from bookings b
      join users u on u.id = b.patient_id join providers p on p.id = b.provider_id
      where p.slug = ${DEMO_ANCHORS.maya} and u.email like 'patient%' order by b.starts_at`);
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      // The treatment 60 days ago (see "demo treatment cycles"), then the consultation 21 days ago.
      ["patient@example.com", "completed"],
      ["patient@example.com", "completed"],
      ["patient@example.com", "confirmed"],
      ["patient2@example.com", "requested"],
    ]);
    expect(rows.every((r) => r.intake_ciphertext.startsWith("v1.") && !r.intake_ciphertext.includes("headache"))).toBe(true);
  });
});

describe("demo treatment cycles", () => {
  it("gives patient@example.com a treatment with Dr. Maya Chen 60 days before today, and two more patients cycles with her, sealed", async () => {
    const rows = await executeRows<{ email: string; treated_on: string; kind: string; status: string; details_ciphertext: string }>(sql`
      select u.email, to_char(t.treated_on, 'YYYY-MM-DD') as treated_on, a.kind, b.status, t.details_ciphertext from treatments t
      join users u on u.id = t.patient_id join bookings b on b.id = t.booking_id join appointment_types a on a.id = b.appointment_type_id
      join providers p on p.id = t.provider_id
      where p.slug = ${DEMO_ANCHORS.maya} order by u.email, t.treated_on`);
    expect(rows.map((r) => [r.email, r.treated_on])).toEqual([
      ["cycle1@example.com", "2026-04-06"],
      ["cycle1@example.com", "2026-06-29"],
      ["cycle2@example.com", "2026-07-23"],
      ["patient@example.com", "2026-08-04"],
    ]);
    expect(rows.every((r) => r.kind === "treatment" && r.status === "completed" && r.details_ciphertext.startsWith("v1.") && !/botox|units/i.test(r.details_ciphertext))).toBe(true);
  });
});

describe("demo reviews", () => {
  it("gives Dr. Maya Chen five verified reviews, each after a completed visit, and leaves patient@example.com's visit to review", async () => {
    const rows = await executeRows<{ email: string; rating: number; visits: number; hidden: boolean }>(sql`
      select u.email, r.rating, r.hidden_at is not null as hidden,
        (select count(*)::int from bookings b where b.patient_id = r.patient_id and b.provider_id = r.provider_id
          and b.status = 'completed' and b.starts_at < r.created_at) as visits
      from reviews r join users u on u.id = r.patient_id join providers p on p.id = r.provider_id
      where p.slug = ${DEMO_ANCHORS.maya} order by u.email`);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.visits === 1 && !r.hidden)).toBe(true);
    expect(rows.map((r) => r.email)).not.toContain("patient@example.com");
    const [entry] = await executeRows<{ rating_count: number }>(sql`
      select e.rating_count from search_entries e join providers p on p.id = e.provider_id
      where p.slug = ${DEMO_ANCHORS.maya} and e.condition_id is null limit 1`);
    expect(entry?.rating_count).toBe(5);
  });
});

describe("demo video visits", () => {
  it("licenses Dr. Maya Chen by video in New Jersey as well as New York, with a video room", async () => {
    const [maya] = await db.select({ id: providers.id, videoVisitUrl: providers.videoVisitUrl }).from(providers).where(eq(providers.slug, DEMO_ANCHORS.maya));
    expect(maya!.videoVisitUrl).toMatch(/^https:\/\//);
    expect(await telehealthStates(db, maya!.id, new Date(`${TODAY}T12:00:00Z`))).toEqual(["NJ", "NY"]);
  });
});
