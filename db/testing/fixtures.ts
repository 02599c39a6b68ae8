import "server-only";
import { getDb } from "@/db/client";
import {
  appointmentTypes,
  conditions,
  insuranceCarriers,
  licenses,
  locations,
  providerConditions,
  providerInsurance,
  providers,
  users,
  weeklyHours,
  type NewLicense,
  type NewLocation,
  type NewProvider,
} from "@/db/schema";
import { intakeSchema, type Intake } from "@/lib/booking/intake";
import { npiCheckDigit } from "@/lib/licensing/npi";

// Small, explicit data for integration tests: each test states the providers it needs.

export const TEST_CONDITIONS = ["chronic-migraine", "tmj-jaw-pain", "cervical-dystonia"] as const;
export const TEST_CARRIERS = ["aetna", "cigna"] as const;
export const MIDTOWN = { latitude: 40.7443, longitude: -73.9781 }; // ZIP 10016
export const MILES_PER_DEGREE_LAT = 69.05;

export async function seedReferenceData() {
  const db = await getDb();
  await db.insert(conditions).values(
    TEST_CONDITIONS.map((slug, i) => ({
      slug,
      name: slug.replace(/-/g, " "),
      summary: "s",
      howItWorks: "h",
      sideEffects: "e",
      expectations: "x",
      insuranceNote: "i",
      evaluationNote: "v",
      typicalUnitsLow: 50,
      typicalUnitsHigh: 150,
      sortOrder: i,
    })),
  );
  await db.insert(insuranceCarriers).values(TEST_CARRIERS.map((slug) => ({ slug, name: slug.toUpperCase() })));
}

let counter = 0;
export function validNpi(): string {
  const nine = String(100_000_000 + ++counter).slice(0, 9);
  return nine + npiCheckDigit(nine);
}

type LicenseSpec = Partial<NewLicense> & Pick<NewLicense, "kind">;

export type ProviderSpec = {
  name?: string;
  provider?: Partial<NewProvider>;
  /** Miles north of Midtown Manhattan (the default search origin in tests). */
  milesNorth?: number;
  locations?: Partial<NewLocation>[];
  conditions?: { slug: (typeof TEST_CONDITIONS)[number]; yearsTreating?: number }[];
  carriers?: (typeof TEST_CARRIERS)[number][];
  /** Replaces the default verified NPI + verified NY license valid for a year. */
  licenses?: LicenseSpec[];
  /** Weekly hours of every location; default Monday to Friday, 9:00 to 17:00 local time. */
  hours?: { weekday: number; startMinute: number; endMinute: number }[];
  /** The default initial consultation's fee (the listing's consultation fee); 200 dollars. */
  consultFeeCents?: number;
  /** Replaces the default 30-minute initial consultation without a deposit. */
  appointmentTypes?: Partial<typeof appointmentTypes.$inferInsert>[];
};

const NINE_TO_FIVE = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

export const verified = { status: "verified", verifiedAt: new Date("2026-01-05T15:00:00Z"), sourceNote: "test" } as const;

export function stateLicense(state: string, overrides: Partial<NewLicense> = {}): LicenseSpec {
  return { kind: "state", state, number: `${state}-1`, expiresOn: "2027-12-31", ...verified, ...overrides };
}

export function npiLicense(overrides: Partial<NewLicense> = {}): LicenseSpec {
  return { kind: "npi", number: validNpi(), ...verified, ...overrides };
}

export async function createProvider(spec: ProviderSpec = {}) {
  const db = await getDb();
  const n = ++counter;
  const name = spec.name ?? `Dr. Test ${n}`;
  const [provider] = await db
    .insert(providers)
    .values({
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${n}`,
      name,
      credentials: "MD",
      specialty: "Neurology",
      listingStatus: "published",
      ...spec.provider,
    })
    .returning({ id: providers.id, slug: providers.slug });
  const providerId = provider!.id;
  const locationSpecs = spec.locations ?? [{}];
  const locationRows = await db.insert(locations).values(
    locationSpecs.map((l, i) => ({
      providerId,
      name: `Clinic ${n}-${i}`,
      addressLine1: "1 Test St",
      city: "New York",
      state: "NY",
      zip: "10016",
      latitude: MIDTOWN.latitude + (spec.milesNorth ?? 0) / MILES_PER_DEGREE_LAT,
      longitude: MIDTOWN.longitude,
      timeZone: "America/New_York",
      ...l,
    })),
  ).returning({ id: locations.id });
  const hours = spec.hours ?? NINE_TO_FIVE;
  if (hours.length > 0) await db.insert(weeklyHours).values(locationRows.flatMap((l) => hours.map((h) => ({ locationId: l.id, ...h }))));
  const conditionRows = await db.select({ id: conditions.id, slug: conditions.slug }).from(conditions);
  const wanted = spec.conditions ?? [{ slug: "chronic-migraine" }];
  if (wanted.length > 0) {
    await db.insert(providerConditions).values(
      wanted.map((c) => ({
        providerId,
        conditionId: conditionRows.find((row) => row.slug === c.slug)!.id,
        yearsTreating: c.yearsTreating ?? 1,
      })),
    );
  }
  if (spec.carriers?.length) {
    const carrierRows = await db.select({ id: insuranceCarriers.id, slug: insuranceCarriers.slug }).from(insuranceCarriers);
    await db
      .insert(providerInsurance)
      .values(spec.carriers.map((slug) => ({ providerId, carrierId: carrierRows.find((c) => c.slug === slug)!.id })));
  }
  const licenseSpecs = spec.licenses ?? [npiLicense(), stateLicense("NY")];
  if (licenseSpecs.length > 0) await db.insert(licenses).values(licenseSpecs.map((l) => ({ number: validNpi(), ...l, providerId })));
  const types = await db
    .insert(appointmentTypes)
    .values(
      (spec.appointmentTypes ?? [{}]).map((t) => ({
        providerId,
        kind: "initial_consultation" as const,
        name: "Initial consultation",
        minutes: 30,
        feeCents: spec.consultFeeCents ?? 20_000,
        ...t,
      })),
    )
    .returning({ id: appointmentTypes.id });
  return { id: providerId, slug: provider!.slug, locationIds: locationRows.map((l) => l.id), typeIds: types.map((t) => t.id) };
}

export type TestUser = { id: string; email: string; name: string; role: "patient" | "provider" | "admin"; mustChangePassword: boolean };

/** An account inserted directly (no password hashing: tests that sign in use createAccount). */
/** An account whose owner has confirmed the address (as every account was before sign-up asked it), unless `verified` is false. */
export async function createUser(role: TestUser["role"], name = `Test ${role} ${++counter}`, { verified = true }: { verified?: boolean } = {}): Promise<TestUser> {
  const db = await getDb();
  const email = `${role}${++counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const [row] = await db
    .insert(users)
    .values({ email, name, role, passwordHash: "not-a-real-hash", emailVerifiedAt: verified ? new Date() : null })
    .returning({ id: users.id });
  return { id: row!.id, email, name, role, mustChangePassword: false };
}

type IntakeOverrides = {
  symptoms?: string;
  painScore?: number;
  headacheDaysPerMonth?: number;
  safety?: Partial<Record<"neuromuscularDisease" | "pregnantOrBreastfeeding" | "infectionAtSite" | "priorReaction", "yes" | "no">>;
  /** Migraine preventives by class ("60-days", "side-effects", "shorter"); absent, the intake did not ask. */
  preventives?: Record<string, string>;
};

/** The intake as the booking form and `POST /api/bookings` send it (JSON numbers, "no" answers). */
export const API_INTAKE = {
  condition: "chronic-migraine",
  symptoms: "Headaches",
  duration: "1-5-years",
  painScore: 6,
  headacheDaysPerMonth: 15,
  safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no" },
  payment: "self-pay",
  consent: "yes",
};

/** A complete intake for chronic migraine, "no" to every safety question unless `overrides` say otherwise. */
export function validIntake(overrides: IntakeOverrides = {}): Intake {
  return intakeSchema.parse({
    ...(overrides.preventives ? { preventives: overrides.preventives } : {}),
    condition: "chronic-migraine",
    symptoms: overrides.symptoms ?? "Headaches",
    duration: "1-5-years",
    painScore: String(overrides.painScore ?? 6),
    headacheDaysPerMonth: String(overrides.headacheDaysPerMonth ?? 15),
    safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no", ...overrides.safety },
    payment: "self-pay",
    consent: "yes",
  });
}
