import "server-only";
import { createHash } from "node:crypto";
import { en, en_US, Faker } from "@faker-js/faker";
import type {
  NewAppointmentType,
  NewWeeklyHours,
  NewLicense,
  NewLocation,
  NewProvider,
  providerConditions,
  providerInsurance,
} from "@/db/schema";
import { npiCheckDigit } from "@/lib/licensing/npi";
import type { CarrierSlug } from "./carriers";
import type { ConditionSlug } from "./conditions";
import { resolveMetros, type Place, type ResolvedMetro } from "./metros";
import { NAMES_BY_LANGUAGE, SECOND_LANGUAGES, type SecondLanguage } from "./names";
import {
  bioFor,
  boardSource,
  cancellationPolicy,
  clinicName,
  conditionNote,
  npiRejection,
  npiSource,
  stateLicenseRejection,
  stateLicenseSource,
} from "./profile-text";
import {
  CREDENTIAL_WEIGHTS,
  isDentist,
  isDoctor,
  MIDLEVEL_BOARDS,
  SPECIALTIES,
  SPECIALTY_WEIGHTS,
  type Credential,
  type SpecialtyKey,
} from "./specialties";

type ProviderRow = NewProvider & { id: string };
type LocationRow = NewLocation & { id: string };
type ProviderConditionRow = typeof providerConditions.$inferInsert;
type ProviderInsuranceRow = typeof providerInsurance.$inferInsert;
type LicenseRow = NewLicense & { id: string };
type AppointmentTypeRow = NewAppointmentType & { id: string };
type WeeklyHoursRow = NewWeeklyHours;

export type SeedRows = {
  providers: ProviderRow[];
  locations: LocationRow[];
  providerConditions: ProviderConditionRow[];
  providerInsurance: ProviderInsuranceRow[];
  licenses: LicenseRow[];
  appointmentTypes: AppointmentTypeRow[];
  weeklyHours: WeeklyHoursRow[];
};

const h = (hours: number) => hours * 60;
const MON_FRI = [1, 2, 3, 4, 5];

// Office hours by pattern; a location's pattern follows from its position, not from the random
// stream, so adding hours changed no other generated value.
const HOURS_PATTERNS: { weekday: number; startMinute: number; endMinute: number }[][] = [
  MON_FRI.map((weekday) => ({ weekday, startMinute: h(9), endMinute: h(17) })),
  MON_FRI.flatMap((weekday) => [
    { weekday, startMinute: h(8), endMinute: h(12) },
    { weekday, startMinute: h(13), endMinute: h(17) },
  ]),
  [...[1, 2, 3, 4].map((weekday) => ({ weekday, startMinute: h(10), endMinute: h(18) })), { weekday: 5, startMinute: h(9), endMinute: h(13) }],
  [2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: h(9), endMinute: h(17) })),
];

/** Database ids of the reference rows, by slug. */
export type SeedReferences = {
  conditionIds: Record<ConditionSlug, number>;
  carrierIds: Record<CarrierSlug, number>;
};

export type GenerateOptions = {
  count: number;
  seed: number;
  /** YYYY-MM-DD; every date in the output is relative to it, so the output never depends on the clock. */
  today: string;
  refs: SeedReferences;
  /** Providers per yielded batch (their child rows come along). */
  batchSize?: number;
};

export const DEMO_SEED = 20_260_101;

/**
 * Providers other engineers' tests may rely on; they are the first ones generated for any seed.
 * - maya: verified, published MD in New York (10016), chronic migraine + neck and shoulder pain,
 *   takes Aetna and self-pay, deposit > 0.
 * - austinTmj: verified DDS in Austin treating TMJ, telehealth, no deposit, self-pay only, with a
 *   second Austin location in 78745 (its removal is what an e2e test tries).
 * - crossState: verified DO in New York with a second location in Jersey City, NJ and no NJ
 *   license, so that location must never be bookable.
 * From 300 providers up, every metro also lists every condition, and the New York metro lists more
 * than a page (over 20) of chronic migraine providers.
 */
export const DEMO_ANCHORS = {
  maya: "dr-maya-chen-md-new-york",
  austinTmj: "dr-daniel-ortiz-dds-austin",
  crossState: "dr-samuel-okafor-do-new-york",
} as const;

type Gender = NonNullable<NewProvider["gender"]>;

type Verification = "verified" | "pending-npi" | "pending-state" | "expired-state" | "rejected-state" | "rejected-npi";

type ReviewOutcome =
  | { status: "verified"; source: (checkedOn: string) => string; before?: string }
  | { status: "pending" }
  | { status: "rejected"; reason: string };

type LocationPlan = {
  place: Place;
  /** False for some second locations across a state line: the provider holds no license there. */
  licensed: boolean;
  name?: string;
  addressLine1?: string;
  addressLine2?: string | null;
};

type ProviderPlan = {
  first: string;
  last: string;
  credential: Credential;
  specialty: SpecialtyKey;
  gender: Gender;
  languages: string[];
  yearsExperience: number;
  conditions: ConditionSlug[];
  locations: LocationPlan[];
  telehealth: boolean;
  carriers: CarrierSlug[];
  selfPay: boolean;
  consultFeeCents: number;
  pricePerUnitCents: number | null;
  depositCents: number;
  cancellationWindowHours: 24 | 48;
  /** The consultation confirms automatically (instant booking); only where the demo shows it. */
  instantBooking?: boolean;
  /** States licensed for video visits only (no location there), and the video room; demo anchors only. */
  videoOnlyStates?: string[];
  videoVisitUrl?: string;
  listingStatus: "draft" | "published";
  verification: Verification;
  boardCertified: boolean;
};

// The grid gives every metro one verified, published provider for each condition, so even the
// 300-provider demo can answer a search for any condition in any metro.
const GRID_PAIRS: readonly { conditions: [ConditionSlug, ConditionSlug]; specialties: SpecialtyKey[]; credentials: Credential[] }[] = [
  { conditions: ["chronic-migraine", "cervical-dystonia"], specialties: ["neurology"], credentials: ["MD", "DO"] },
  { conditions: ["tmj-jaw-pain", "neck-shoulder-pain"], specialties: ["orofacial"], credentials: ["DDS", "DMD"] },
  { conditions: ["back-pain", "muscle-spasm"], specialties: ["pmr", "pain"], credentials: ["MD", "DO"] },
];

// Right after the grid, this many providers alternate expired and rejected licenses, one metro
// each, so the admin queue and the trust rule always have cases to show even in a small seed.
const SHOWCASE_SIZE = 12;

// Then this many verified migraine clinicians around New York, so the demo's headline search
// (chronic migraine near 10016, where the anchor practises) fills more than one page of results
// even in the 300-provider seed.
const HOME_BLOCK_SIZE = 24;
const HOME_METRO = "new-york";

const CARRIER_WEIGHTS: Record<CarrierSlug, number> = {
  aetna: 9,
  "anthem-bcbs": 9,
  cigna: 8,
  unitedhealthcare: 9,
  humana: 5,
  // Kaiser members mostly see Kaiser's own clinicians, so few independent listings take it.
  "kaiser-permanente": 1,
  medicare: 8,
  medicaid: 4,
  tricare: 3,
  "oscar-health": 3,
};

const LANGUAGE_WEIGHTS: Record<SecondLanguage, number> = {
  es: 40, zh: 10, vi: 7, ko: 6, ru: 6, ar: 6, fr: 5, hi: 8, pt: 5, tl: 7,
};

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Lowercase ASCII words joined by hyphens: accents folded, apostrophes dropped. */
export function toSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// index × odd multiplier not divisible by 5, mod 10^k, is a bijection on indices below 10^k:
// numbers look random yet never repeat, so a future unique index on them holds.
/** A stable UUID (v4 layout) named by `key`: for rows added outside the faker's sequence. */
function uuidFrom(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function scrambled(index: number, seed: number, multiplier: number, modulus: number): number {
  return (index * multiplier + ((seed * 7919) % modulus)) % modulus;
}

function npiFor(index: number, seed: number): string {
  const firstNine = `1${String(scrambled(index, seed, 61_803_399, 100_000_000)).padStart(8, "0")}`;
  return `${firstNine}${npiCheckDigit(firstNine)}`;
}

const STREET_NAMES = [
  "Main", "Oak", "Maple", "Park", "Washington", "Lincoln", "Jefferson", "Madison", "Lake", "Hill", "Elm",
  "Pine", "Cedar", "Highland", "Franklin", "Church", "Center", "Spring", "Ridge", "River", "Union", "Market",
  "Broad", "Grand", "Mill", "Walnut", "Chestnut", "Sunset", "Meridian", "Harbor", "College", "University",
];
const STREET_TYPES = [
  { value: "Street", weight: 30 },
  { value: "Avenue", weight: 25 },
  { value: "Road", weight: 10 },
  { value: "Drive", weight: 10 },
  { value: "Boulevard", weight: 8 },
  { value: "Way", weight: 5 },
  { value: "Parkway", weight: 4 },
  { value: "Place", weight: 3 },
  { value: "Lane", weight: 3 },
];

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

// Faker's own street names ("Purdy Radial", "Steve Crossroad") read as fake on a clinic page.
function streetAddress(f: Faker): string {
  const number = f.number.int({ min: 10, max: 9_800 });
  const street = f.datatype.boolean({ probability: 0.25 })
    ? ordinal(f.number.int({ min: 2, max: 60 }))
    : f.datatype.boolean({ probability: 0.7 }) ? f.helpers.arrayElement(STREET_NAMES) : f.person.lastName();
  return `${number} ${street} ${weighted(f, STREET_TYPES)}`;
}

class SlugRegistry {
  private readonly taken = new Set<string>();

  claim(base: string): string {
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}

function weighted<T>(f: Faker, entries: readonly { value: T; weight: number }[]): T {
  return f.helpers.weightedArrayElement(entries);
}

/** Up to `count` distinct keys, each draw weighted among those not yet drawn. */
function weightedSample<K extends string>(f: Faker, weights: Partial<Record<K, number>>, count: number, first: K[] = []): K[] {
  const chosen = [...first];
  const pool = (Object.entries(weights) as [K, number][]).filter(([k]) => !chosen.includes(k));
  while (chosen.length < count && pool.length > 0) {
    const total = pool.reduce((s, [, w]) => s + w, 0);
    let r = f.number.float({ min: 0, max: total });
    let at = pool.findIndex(([, w]) => (r -= w) <= 0);
    if (at < 0) at = pool.length - 1;
    const [picked] = pool.splice(at, 1);
    if (picked) chosen.push(picked[0]);
  }
  return chosen;
}

class ProviderPlanner {
  private readonly metroWeights: { value: ResolvedMetro; weight: number }[];

  constructor(
    private readonly f: Faker,
    private readonly metros: ResolvedMetro[],
  ) {
    this.metroWeights = metros.map((m) => ({ value: m, weight: m.weight }));
  }

  private placeByZip(zip: string): Place {
    for (const metro of this.metros) {
      const place = [...metro.places, ...metro.nearbyPlaces.flat()].find((p) => p.zip === zip);
      if (place) return place;
    }
    throw new Error(`No seed place with ZIP ${zip}`);
  }

  anchors(): ProviderPlan[] {
    const common = { listingStatus: "published", verification: "verified", boardCertified: true } as const;
    return [
      {
        ...common,
        first: "Maya",
        last: "Chen",
        credential: "MD",
        specialty: "neurology",
        gender: "female",
        languages: ["en", "zh"],
        yearsExperience: 14,
        conditions: ["chronic-migraine", "neck-shoulder-pain"],
        locations: [
          {
            place: this.placeByZip("10016"),
            licensed: true,
            name: "Chen Headache & Pain Clinic",
            addressLine1: "245 Lexington Avenue",
            addressLine2: "Suite 4B",
          },
        ],
        telehealth: true,
        // A video visit is licensed where the patient is: she may see New Jersey patients by video.
        videoOnlyStates: ["NJ"],
        // example.com never resolves to anyone's meeting.
        videoVisitUrl: "https://video.example.com/chen-headache-clinic",
        carriers: ["aetna", "cigna", "unitedhealthcare"],
        selfPay: true,
        consultFeeCents: 25_000,
        pricePerUnitCents: 1_500,
        depositCents: 5_000,
        cancellationWindowHours: 48,
      },
      {
        ...common,
        first: "Daniel",
        last: "Ortiz",
        credential: "DDS",
        specialty: "orofacial",
        gender: "male",
        languages: ["en", "es"],
        yearsExperience: 11,
        conditions: ["tmj-jaw-pain", "neck-shoulder-pain"],
        locations: [
          {
            place: this.placeByZip("78705"),
            licensed: true,
            name: "Ortiz TMJ & Orofacial Pain",
            addressLine1: "2711 Guadalupe Street",
            addressLine2: null,
          },
          {
            place: this.placeByZip("78745"),
            licensed: true,
            name: "Ortiz TMJ South Austin",
            addressLine1: "4301 West William Cannon Drive",
            addressLine2: null,
          },
        ],
        telehealth: true,
        carriers: [],
        selfPay: true,
        consultFeeCents: 15_000,
        pricePerUnitCents: 1_200,
        depositCents: 0,
        cancellationWindowHours: 24,
      },
      {
        ...common,
        first: "Samuel",
        last: "Okafor",
        credential: "DO",
        specialty: "pmr",
        gender: "male",
        languages: ["en"],
        yearsExperience: 19,
        conditions: ["back-pain", "muscle-spasm", "neck-shoulder-pain"],
        locations: [
          {
            place: this.placeByZip("10022"),
            licensed: true,
            name: "Okafor Spine & Rehabilitation",
            addressLine1: "812 Third Avenue",
            addressLine2: "Floor 6",
          },
          {
            place: this.placeByZip("07302"),
            licensed: false,
            name: "Okafor Spine & Rehabilitation, Jersey City",
            addressLine1: "95 Christopher Columbus Drive",
            addressLine2: "Suite 300",
          },
        ],
        telehealth: false,
        carriers: ["aetna", "medicare", "anthem-bcbs"],
        selfPay: true,
        consultFeeCents: 22_500,
        pricePerUnitCents: 1_400,
        depositCents: 7_500,
        cancellationWindowHours: 24,
        // The demo's instant booking, with a deposit: paying confirms the visit.
        instantBooking: true,
      },
    ];
  }

  /** Provider `position` of the grid: metros in order, one pair of conditions after another. */
  grid(position: number): ProviderPlan {
    const metro = this.metros[Math.floor(position / GRID_PAIRS.length)]!;
    const pair = GRID_PAIRS[position % GRID_PAIRS.length]!;
    return this.random({
      metro,
      credential: this.f.helpers.arrayElement(pair.credentials),
      specialty: this.f.helpers.arrayElement(pair.specialties),
      conditions: [...pair.conditions],
      verification: "verified",
      listingStatus: "published",
    });
  }

  showcase(position: number): ProviderPlan {
    const metro = this.metros[(position * 2) % this.metros.length]!;
    const verification: Verification = position % 2 === 0 ? "expired-state" : position % 4 === 1 ? "rejected-state" : "rejected-npi";
    return this.random({ metro, verification });
  }

  home(): ProviderPlan {
    const f = this.f;
    const specialty = f.helpers.arrayElement(["neurology", "headache", "pain"] as const);
    const credential = f.helpers.arrayElement(Object.keys(SPECIALTIES[specialty].roles) as Credential[]);
    return this.random({
      metro: this.metros.find((m) => m.slug === HOME_METRO)!,
      credential,
      specialty,
      conditions: weightedSample(f, SPECIALTIES[specialty].conditionWeights, f.number.int({ min: 1, max: 3 }), ["chronic-migraine"]),
      verification: "verified",
      listingStatus: "published",
    });
  }

  tail(): ProviderPlan {
    const f = this.f;
    const roll = f.number.float();
    const verification: Verification =
      roll < 0.05 ? "pending-npi"
      : roll < 0.1 ? "pending-state"
      : roll < 0.11 ? "expired-state"
      : roll < 0.1175 ? "rejected-state"
      : roll < 0.12 ? "rejected-npi"
      : "verified";
    return this.random({
      metro: weighted(f, this.metroWeights),
      verification,
      listingStatus: f.datatype.boolean({ probability: 0.015 }) ? "draft" : "published",
    });
  }

  private random(fixed: {
    metro: ResolvedMetro;
    verification: Verification;
    credential?: Credential;
    specialty?: SpecialtyKey;
    conditions?: ConditionSlug[];
    listingStatus?: "draft" | "published";
  }): ProviderPlan {
    const f = this.f;
    const credential = fixed.credential ?? weighted(f, CREDENTIAL_WEIGHTS);
    const specialty = fixed.specialty ?? weighted(f, SPECIALTY_WEIGHTS[credential]);
    const gender = weighted<Gender>(f, [
      { value: "female", weight: 48 },
      { value: "male", weight: 48 },
      { value: "nonbinary", weight: 1 },
      { value: "undisclosed", weight: 3 },
    ]);
    const second = f.datatype.boolean({ probability: 0.35 })
      ? weighted(f, SECOND_LANGUAGES.map((l) => ({ value: l, weight: LANGUAGE_WEIGHTS[l] })))
      : null;
    const { first, last } = this.name(gender, second);

    const conditions =
      fixed.conditions ??
      weightedSample(
        f,
        SPECIALTIES[specialty].conditionWeights,
        weighted(f, [
          { value: 1, weight: 25 },
          { value: 2, weight: 40 },
          { value: 3, weight: 25 },
          { value: 4, weight: 10 },
        ]),
        isDentist(credential) ? ["tmj-jaw-pain"] : [],
      );

    const takesInsurance = f.datatype.boolean({ probability: isDentist(credential) ? 0.2 : 0.75 });
    const carriers = takesInsurance
      ? weightedSample(f, CARRIER_WEIGHTS, f.number.int({ min: 2, max: 6 }))
      : [];
    // Anyone who takes no insurance is, by definition, paid by the patient.
    const selfPay = !takesInsurance || f.datatype.boolean({ probability: 0.79 });
    const yearsExperience = f.number.int({ min: 2, max: 35 });
    const feeRange = isDoctor(credential) ? { min: 15_000, max: 35_000 } : { min: 7_500, max: 20_000 };
    const consultFeeCents = f.number.int({ ...feeRange, multipleOf: 500 });
    const depositCents = f.datatype.boolean({ probability: 0.45 })
      ? 0
      : Math.min(consultFeeCents, f.number.int({ min: 2_500, max: 10_000, multipleOf: 500 }));

    return {
      first,
      last,
      credential,
      specialty,
      gender,
      languages: second ? ["en", second] : ["en"],
      yearsExperience,
      conditions,
      locations: this.locations(fixed.metro),
      telehealth: f.datatype.boolean({ probability: 0.4 }),
      carriers,
      selfPay,
      consultFeeCents,
      pricePerUnitCents: selfPay ? f.number.int({ min: 900, max: 2_000, multipleOf: 50 }) : null,
      depositCents,
      cancellationWindowHours: f.datatype.boolean({ probability: 0.6 }) ? 24 : 48,
      listingStatus: fixed.listingStatus ?? "published",
      verification: fixed.verification,
      // Board certification follows residency, so the newest clinicians have none yet.
      boardCertified: yearsExperience >= 4 && f.datatype.boolean({ probability: isDoctor(credential) ? 0.6 : 0.45 }),
    };
  }

  private name(gender: Gender, language: SecondLanguage | null): { first: string; last: string } {
    const f = this.f;
    const sex = gender === "female" || gender === "male" ? gender : f.helpers.arrayElement(["female", "male"] as const);
    if (language && f.datatype.boolean({ probability: 0.7 })) {
      const pool = NAMES_BY_LANGUAGE[language];
      return { first: f.helpers.arrayElement(pool[sex]), last: f.helpers.arrayElement(pool.last) };
    }
    return { first: f.person.firstName(sex), last: f.person.lastName() };
  }

  private locations(metro: ResolvedMetro): LocationPlan[] {
    const f = this.f;
    const primary = f.helpers.arrayElement(metro.places);
    const plans: LocationPlan[] = [{ place: primary, licensed: true }];
    if (!f.datatype.boolean({ probability: 0.2 })) return plans;

    const sameState = this.metros.filter((m) => m !== metro && m.state === metro.state);
    const kind = weighted(
      f,
      [
        { value: "same-metro", weight: 50 },
        { value: "same-state", weight: sameState.length > 0 ? 20 : 0 },
        { value: "across-state", weight: metro.nearbyPlaces.length > 0 ? 30 : 0 },
      ].filter((k) => k.weight > 0),
    );
    if (kind === "same-state") {
      plans.push({ place: f.helpers.arrayElement(f.helpers.arrayElement(sameState).places), licensed: true });
    } else if (kind === "across-state") {
      const place = f.helpers.arrayElement(f.helpers.arrayElement(metro.nearbyPlaces));
      plans.push({ place, licensed: f.datatype.boolean({ probability: 0.55 }) });
    } else {
      const others = metro.places.filter((p) => p !== primary);
      plans.push({ place: f.helpers.arrayElement(others.length > 0 ? others : metro.places), licensed: true });
    }
    return plans;
  }
}

class RowBuilder {
  private readonly slugs = new SlugRegistry();

  constructor(
    private readonly f: Faker,
    private readonly seed: number,
    private readonly today: string,
    private readonly refs: SeedReferences,
  ) {}

  build(plan: ProviderPlan, index: number, into: SeedRows): void {
    const f = this.f;
    const id = f.string.uuid();
    const name = isDoctor(plan.credential) ? `Dr. ${plan.first} ${plan.last}` : `${plan.first} ${plan.last}`;
    const primary = plan.locations[0]!.place;

    into.providers.push({
      id,
      slug: this.slugs.claim(toSlug(`${name} ${plan.credential} ${primary.city}`)),
      name,
      credentials: plan.credential,
      specialty: SPECIALTIES[plan.specialty].name,
      bio: bioFor(f, {
        first: plan.first,
        last: plan.last,
        name,
        credential: plan.credential,
        specialty: plan.specialty,
        gender: plan.gender,
        yearsExperience: plan.yearsExperience,
        startYear: Number(this.today.slice(0, 4)) - plan.yearsExperience,
        city: primary.city,
        conditions: plan.conditions,
        languages: plan.languages,
        telehealth: plan.telehealth,
        boardCertified: plan.boardCertified,
      }),
      photoUrl: null,
      yearsExperience: plan.yearsExperience,
      languages: plan.languages,
      gender: plan.gender,
      telehealth: plan.telehealth,
      videoVisitUrl: plan.videoVisitUrl ?? null,
      selfPay: plan.selfPay,
      pricePerUnitCents: plan.pricePerUnitCents,
      cancellationWindowHours: plan.cancellationWindowHours,
      cancellationPolicy: cancellationPolicy(plan.cancellationWindowHours, plan.depositCents),
      listingStatus: plan.listingStatus,
    });

    plan.locations.forEach((loc, locationIndex) => {
      const locationId = f.string.uuid();
      into.locations.push({
        id: locationId,
        providerId: id,
        name: loc.name ?? clinicName(f, plan.specialty, plan.last, loc.place.city),
        addressLine1: loc.addressLine1 ?? streetAddress(f),
        addressLine2: loc.addressLine2 === undefined ? this.suite() : loc.addressLine2,
        city: loc.place.city,
        state: loc.place.state,
        zip: loc.place.zip,
        // A small jitter keeps providers in one ZIP from stacking on one map pin.
        latitude: Number((loc.place.latitude + f.number.float({ min: -0.008, max: 0.008 })).toFixed(6)),
        longitude: Number((loc.place.longitude + f.number.float({ min: -0.008, max: 0.008 })).toFixed(6)),
        timeZone: loc.place.timeZone,
      });
      for (const range of HOURS_PATTERNS[(index + locationIndex) % HOURS_PATTERNS.length]!) into.weeklyHours.push({ locationId, ...range });
    });

    for (const condition of plan.conditions) {
      into.providerConditions.push({
        providerId: id,
        conditionId: this.refs.conditionIds[condition],
        yearsTreating: f.number.int({ min: 1, max: plan.yearsExperience }),
        note: conditionNote(f, condition),
      });
    }

    for (const carrier of plan.carriers) {
      into.providerInsurance.push({ providerId: id, carrierId: this.refs.carrierIds[carrier] });
    }

    this.licenses(plan, id, index, into.licenses);
    this.appointmentTypes(plan, id, into.appointmentTypes);
  }

  private suite(): string | null {
    const f = this.f;
    if (!f.datatype.boolean({ probability: 0.4 })) return null;
    return f.datatype.boolean() ? `Suite ${f.number.int({ min: 100, max: 950 })}` : `Floor ${f.number.int({ min: 2, max: 12 })}`;
  }

  /** The review fields of a license; a verified one was checked within the 400 days before `before`. */
  private review(outcome: ReviewOutcome): Pick<LicenseRow, "status" | "verifiedAt" | "sourceNote" | "rejectionReason"> {
    const f = this.f;
    if (outcome.status === "pending") return { status: "pending", verifiedAt: null, sourceNote: null, rejectionReason: null };
    if (outcome.status === "rejected") return { status: "rejected", verifiedAt: null, sourceNote: null, rejectionReason: outcome.reason };
    const day = addDays(outcome.before ?? this.today, -f.number.int({ min: 1, max: 400 }));
    const time = `${String(f.number.int({ min: 13, max: 23 })).padStart(2, "0")}:${String(f.number.int({ min: 0, max: 59 })).padStart(2, "0")}`;
    return { status: "verified", verifiedAt: new Date(`${day}T${time}:00Z`), sourceNote: outcome.source(day), rejectionReason: null };
  }

  private licenses(plan: ProviderPlan, providerId: string, index: number, out: LicenseRow[]): void {
    const f = this.f;
    const v = plan.verification;

    out.push({
      id: f.string.uuid(),
      providerId,
      kind: "npi",
      state: null,
      number: npiFor(index, this.seed),
      expiresOn: null,
      ...this.review(
        v === "pending-npi" ? { status: "pending" }
        : v === "rejected-npi" ? { status: "rejected", reason: npiRejection(f) }
        : { status: "verified", source: npiSource },
      ),
    });

    const number = String(scrambled(index, this.seed, 618_033, 1_000_000)).padStart(6, "0");
    const states = [...new Set(plan.locations.filter((l) => l.licensed).map((l) => l.place.state))];
    states.forEach((state, i) => {
      // Problems sit on the primary location's license: that is the one search depends on.
      const problem = i === 0 ? v : "verified";
      const expired = problem === "expired-state";
      const expiresOn = expired
        ? addDays(this.today, -f.number.int({ min: 1, max: 180 }))
        : addMonths(this.today, f.number.int({ min: 6, max: 30 }));
      const source = (checkedOn: string) => stateLicenseSource(state, plan.credential, checkedOn);
      out.push({
        id: f.string.uuid(),
        providerId,
        kind: "state",
        state,
        number: `${state}-${number}`,
        expiresOn,
        ...this.review(
          problem === "pending-state" ? { status: "pending" }
          : problem === "rejected-state" ? { status: "rejected", reason: stateLicenseRejection(f, state, plan.credential) }
          // An expired license was checked while it was still current.
          : { status: "verified", source, before: expired ? expiresOn : this.today },
        ),
      });
    });

    // Without the faker, so that adding one leaves every other provider's random draws as they were.
    for (const state of plan.videoOnlyStates ?? []) {
      const checkedOn = addDays(this.today, -90);
      out.push({
        id: uuidFrom(`${providerId}:license:${state}`),
        providerId,
        kind: "state",
        state,
        number: `${state}-${number}`,
        expiresOn: addMonths(this.today, 24),
        status: "verified",
        verifiedAt: new Date(`${checkedOn}T15:00:00Z`),
        sourceNote: stateLicenseSource(state, plan.credential, checkedOn),
        rejectionReason: null,
      });
    }

    const board = !plan.boardCertified ? undefined : isDoctor(plan.credential) ? SPECIALTIES[plan.specialty].board : MIDLEVEL_BOARDS[plan.credential];
    if (board) {
      out.push({
        id: f.string.uuid(),
        providerId,
        kind: "board",
        state: null,
        number: `${board.abbr}-${f.string.numeric(6)}`,
        expiresOn: f.datatype.boolean() ? addMonths(this.today, f.number.int({ min: 12, max: 108 })) : null,
        ...this.review({ status: "verified", source: (checkedOn) => boardSource(board.name, checkedOn) }),
      });
    }
  }

  private appointmentTypes(plan: ProviderPlan, providerId: string, out: AppointmentTypeRow[]): void {
    const f = this.f;
    out.push({
      id: f.string.uuid(),
      providerId,
      kind: "initial_consultation",
      name: f.helpers.arrayElement(["Initial consultation", "New patient consultation", "First visit and evaluation"]),
      minutes: f.datatype.boolean({ probability: 0.8 }) ? 30 : 45,
      feeCents: plan.consultFeeCents,
      depositCents: plan.depositCents,
      telehealthAllowed: plan.telehealth,
      confirmsAutomatically: plan.instantBooking ?? false,
    });
    const treatmentFee = f.number.int({ min: 15_000, max: 50_000, multipleOf: 500 });
    out.push({
      id: f.string.uuid(),
      providerId,
      kind: "treatment",
      name: f.helpers.arrayElement(["Treatment session", "Botox treatment session", "Injection treatment"]),
      minutes: f.helpers.arrayElement([30, 45, 60]),
      // Injections need the room cleaned and the patient watched for a few minutes afterwards.
      bufferAfterMinutes: 10,
      feeCents: treatmentFee,
      depositCents: f.datatype.boolean() ? 0 : Math.min(treatmentFee, f.number.int({ min: 2_500, max: 10_000, multipleOf: 500 })),
    });
    if (f.datatype.boolean({ probability: 0.6 })) {
      out.push({
        id: f.string.uuid(),
        providerId,
        kind: "follow_up",
        name: f.helpers.arrayElement(["Follow-up visit", "Follow-up check-in"]),
        minutes: f.helpers.arrayElement([15, 20]),
        feeCents: f.number.int({ min: 5_000, max: 15_000, multipleOf: 500 }),
        depositCents: 0,
        telehealthAllowed: plan.telehealth,
      });
    }
  }
}

function emptyRows(): SeedRows {
  return { providers: [], locations: [], providerConditions: [], providerInsurance: [], licenses: [], appointmentTypes: [], weeklyHours: [] };
}

/**
 * Deterministic seed data: the same options always give the same rows, and the first N providers
 * of a larger run equal a run of N. Yields `batchSize` providers at a time with their child rows,
 * so 100,000 providers never sit in memory at once (only their slugs do, to keep them unique).
 */
export function* generateSeedBatches(options: GenerateOptions): Generator<SeedRows> {
  const { count, seed, today, refs, batchSize = 1_000 } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new Error(`today must be a YYYY-MM-DD date, got ${today}`);
  }
  const f = new Faker({ locale: [en_US, en] });
  f.seed(seed);
  const metros = resolveMetros();
  const planner = new ProviderPlanner(f, metros);
  const builder = new RowBuilder(f, seed, today, refs);
  const anchors = planner.anchors();
  const gridSize = metros.length * GRID_PAIRS.length;

  let batch = emptyRows();
  for (let index = 0; index < count; index++) {
    const position = index - anchors.length;
    const plan =
      anchors[index] ??
      (position < gridSize ? planner.grid(position)
      : position < gridSize + SHOWCASE_SIZE ? planner.showcase(position - gridSize)
      : position < gridSize + SHOWCASE_SIZE + HOME_BLOCK_SIZE ? planner.home()
      : planner.tail());
    builder.build(plan, index, batch);
    if (batch.providers.length === batchSize) {
      yield batch;
      batch = emptyRows();
    }
  }
  if (batch.providers.length > 0) yield batch;
}
