import "server-only";
import { describe, expect, it } from "vitest";
import zipcodes from "zipcodes";
import { isValidNpi } from "@/lib/licensing/npi";
import { PAGE_SIZE } from "@/lib/search/types";
import { CARRIERS, type CarrierSlug } from "./carriers";
import { CONDITION_SLUGS, CONDITIONS, type ConditionSlug } from "./conditions";
import { DEMO_ANCHORS, generateSeedBatches, toSlug, type SeedReferences, type SeedRows } from "./generate";
import { METROS } from "./metros";

const TODAY = "2026-10-03";

const refs: SeedReferences = {
  conditionIds: Object.fromEntries(CONDITION_SLUGS.map((slug, i) => [slug, i + 1])) as Record<ConditionSlug, number>,
  carrierIds: Object.fromEntries(CARRIERS.map((c, i) => [c.slug, 101 + i])) as Record<CarrierSlug, number>,
};
const conditionSlugById = new Map(CONDITION_SLUGS.map((slug, i) => [i + 1, slug]));
const carrierSlugById = new Map(CARRIERS.map((c, i) => [101 + i, c.slug]));

function generate(count: number, seed = 7, batchSize?: number): SeedRows {
  const all: SeedRows = { providers: [], locations: [], providerConditions: [], providerInsurance: [], licenses: [], appointmentTypes: [], weeklyHours: [] };
  for (const batch of generateSeedBatches({ count, seed, today: TODAY, refs, batchSize })) {
    for (const key of Object.keys(all) as (keyof SeedRows)[]) (all[key] as unknown[]).push(...batch[key]);
  }
  return all;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

// Written apart from generate.ts on purpose (doubling from the left over 15 digits) so a shared
// mistake cannot pass: CMS's check digit for an NPI, as the database's npi_is_valid computes it.
function npiPassesLuhn(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split("").map(Number);
  const sum = digits.reduce((acc, d, i) => {
    const doubled = i % 2 === 1 ? d * 2 : d;
    return acc + Math.floor(doubled / 10) + (doubled % 10);
  }, 0);
  return sum % 10 === 0;
}

const metroOfZip = new Map<string, string>();
for (const metro of METROS) {
  for (const zip of [...metro.zips, ...metro.nearby.flatMap((a) => a.zips)]) metroOfZip.set(zip, metro.slug);
}

/** Provider-location pairs that the trust rule lists: published, verified NPI, verified unexpired license in that state. */
function listedLocations(rows: SeedRows) {
  const licensesOf = groupBy(rows.licenses, (l) => l.providerId);
  const consulting = new Set(rows.appointmentTypes.filter((t) => t.kind === "initial_consultation").map((t) => t.providerId));
  const open = new Set(rows.weeklyHours.map((h) => h.locationId));
  return rows.locations.filter((loc) => {
    const provider = rows.providers.find((p) => p.id === loc.providerId);
    const own = licensesOf.get(loc.providerId) ?? [];
    return (
      provider?.listingStatus === "published" &&
      consulting.has(loc.providerId) &&
      open.has(loc.id!) &&
      own.some((l) => l.kind === "npi" && l.status === "verified") &&
      own.some((l) => l.kind === "state" && l.status === "verified" && l.state === loc.state && l.expiresOn! >= TODAY)
    );
  });
}

describe("generateSeedBatches", () => {
  const big = generate(20_000);
  const demo = generate(300);

  it("is deterministic for a seed, whatever the batch size, and differs between seeds", () => {
    expect(generate(1_500, 7, 64)).toEqual(generate(1_500, 7, 1_000));
    expect(generate(1_500, 8).providers.map((p) => p.id)).not.toEqual(generate(1_500, 7).providers.map((p) => p.id));
  });

  it("gives the first N providers of a large run to a run of N", () => {
    expect(big.providers.slice(0, 300)).toEqual(generate(300).providers);
  });

  it("streams in batches of the requested size", () => {
    const sizes = [...generateSeedBatches({ count: 2_500, seed: 7, today: TODAY, refs, batchSize: 1_000 })].map((b) => b.providers.length);
    expect(sizes).toEqual([1_000, 1_000, 500]);
  });

  it("refuses a malformed today", () => {
    expect(() => generateSeedBatches({ count: 1, seed: 1, today: "03/10/2026", refs }).next()).toThrow(/YYYY-MM-DD/);
  });

  it("uses every condition and every carrier", () => {
    const conditions = new Set(big.providerConditions.map((pc) => conditionSlugById.get(pc.conditionId)));
    expect([...conditions].sort()).toEqual([...CONDITION_SLUGS].sort());
    const carriers = new Set(big.providerInsurance.map((pi) => carrierSlugById.get(pi.carrierId)));
    expect(carriers.size).toBe(CARRIERS.length);
  });

  it("lists every condition in every metro, even in the 300-provider demo", () => {
    const listed = listedLocations(demo);
    const conditionsOf = groupBy(demo.providerConditions, (pc) => pc.providerId);
    for (const metro of METROS) {
      const here = listed.filter((loc) => metroOfZip.get(loc.zip) === metro.slug);
      const treated = new Set(here.flatMap((loc) => (conditionsOf.get(loc.providerId) ?? []).map((pc) => conditionSlugById.get(pc.conditionId))));
      expect([...treated].sort(), metro.slug).toEqual([...CONDITION_SLUGS].sort());
    }
  });

  it("gives every provider a unique NPI with a valid check digit", () => {
    const npis = big.licenses.filter((l) => l.kind === "npi");
    expect(npis).toHaveLength(big.providers.length);
    expect(npis.filter((l) => !npiPassesLuhn(l.number) || !isValidNpi(l.number))).toEqual([]);
    expect(new Set(npis.map((l) => l.number)).size).toBe(npis.length);
    expect(npiPassesLuhn("1234567893")).toBe(true);
    expect(npiPassesLuhn("1234567890")).toBe(false);
  });

  it("makes unique, URL-safe slugs from name, credentials and city", () => {
    const slugs = big.providers.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s))).toEqual([]);
    expect(slugs.filter((s) => /-\d+$/.test(s)).length).toBeGreaterThan(0);
    expect(big.providers.filter((p) => !p.slug.startsWith(`${toSlug(`${p.name} ${p.credentials}`)}-`))).toEqual([]);
    expect(toSlug("Dr. Amélie O'Brien DMD Salt Lake City")).toBe("dr-amelie-obrien-dmd-salt-lake-city");
    expect(toSlug("Marites Dela Cruz NP Jersey City")).toBe("marites-dela-cruz-np-jersey-city");
  });

  it("keeps license rows within the database's rules", () => {
    const broken = big.licenses.filter(
      (l) =>
        (l.status === "verified" && !(l.verifiedAt instanceof Date)) ||
        (l.status === "rejected" && !l.rejectionReason) ||
        (l.kind === "state" && (!/^[A-Z]{2}$/.test(l.state ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(l.expiresOn ?? ""))),
    );
    expect(broken).toEqual([]);
    const current = big.licenses.filter((l) => l.kind === "state" && l.status === "verified" && l.expiresOn! >= TODAY);
    expect(current.filter((l) => !/^Checked against the .+ license lookup on \d{4}-\d{2}-\d{2}\.$/.test(l.sourceNote ?? ""))).toEqual([]);
    // 6 to 30 months after today
    expect(current.filter((l) => l.expiresOn! < "2027-04-03" || l.expiresOn! > "2029-04-03")).toEqual([]);
  });

  it("mixes license states: ~10% pending, a few expired and rejected spread over metros", () => {
    const byProvider = groupBy(big.licenses, (l) => l.providerId);
    const pending = [...byProvider.values()].filter((ls) => ls.some((l) => l.status === "pending")).length;
    expect(pending / big.providers.length).toBeGreaterThan(0.08);
    expect(pending / big.providers.length).toBeLessThan(0.12);

    const expired = demo.licenses.filter((l) => l.kind === "state" && l.status === "verified" && l.expiresOn! < TODAY);
    const rejected = demo.licenses.filter((l) => l.status === "rejected");
    expect(expired.length).toBeGreaterThanOrEqual(6);
    expect(rejected.length).toBeGreaterThanOrEqual(6);
    const primaryMetro = (providerId: string) => metroOfZip.get(demo.locations.find((loc) => loc.providerId === providerId)!.zip);
    expect(new Set(expired.map((l) => primaryMetro(l.providerId))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rejected.map((l) => primaryMetro(l.providerId))).size).toBeGreaterThanOrEqual(6);

    const verifiedShare = [...byProvider.values()].filter((ls) => ls.every((l) => l.status === "verified" && (l.kind !== "state" || l.expiresOn! >= TODAY))).length / big.providers.length;
    expect(verifiedShare).toBeGreaterThan(0.85);
    expect(verifiedShare).toBeLessThan(0.92);
  });

  it("includes second locations across a state line, some without a license there", () => {
    const locationsOf = groupBy(big.locations, (l) => l.providerId);
    const twoPlaces = [...locationsOf.values()].filter((ls) => ls.length === 2);
    expect(twoPlaces.length / big.providers.length).toBeGreaterThan(0.17);
    expect(twoPlaces.length / big.providers.length).toBeLessThan(0.23);
    expect(Math.max(...[...locationsOf.values()].map((ls) => ls.length))).toBe(2);

    const licensedStates = groupBy(big.licenses.filter((l) => l.kind === "state"), (l) => l.providerId);
    const unlicensed = big.locations.filter((loc) => !(licensedStates.get(loc.providerId) ?? []).some((l) => l.state === loc.state));
    expect(unlicensed.length).toBeGreaterThan(50);
    expect(unlicensed.every((loc) => locationsOf.get(loc.providerId)![0] !== loc)).toBe(true);
  });

  it("places locations on real ZIP codes with valid zones and a small jitter", () => {
    for (const loc of big.locations.slice(0, 3_000)) {
      const zip = zipcodes.lookup(loc.zip);
      expect(zip?.state).toBe(loc.state);
      expect(Math.abs(loc.latitude - zip!.latitude)).toBeLessThan(0.01);
      expect(Math.abs(loc.longitude - zip!.longitude)).toBeLessThan(0.01);
    }
    for (const zone of new Set(big.locations.map((l) => l.timeZone))) {
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
    }
  });

  it("keeps provider fields consistent and realistic", () => {
    const insuranceOf = groupBy(big.providerInsurance, (pi) => pi.providerId);
    const conditionsOf = groupBy(big.providerConditions, (pc) => pc.providerId);
    const typesOf = groupBy(big.appointmentTypes, (t) => t.providerId);
    const languages = new Set(["en", "es", "zh", "vi", "ko", "ru", "ar", "fr", "hi", "pt", "tl"]);

    // One expect per rule over all providers: 20,000 × a dozen expects would take seconds.
    const problems: string[] = [];
    const check = (ok: boolean, rule: string, slug: string) => {
      if (!ok) problems.push(`${slug}: ${rule}`);
    };
    for (const p of big.providers) {
      const carriers = insuranceOf.get(p.id) ?? [];
      const treated = conditionsOf.get(p.id) ?? [];
      const types = typesOf.get(p.id) ?? [];
      const initial = types.filter((t) => t.kind === "initial_consultation");
      // The listing's consultation price is the initial consultation type's.
      const fee = initial[0]?.feeCents ?? -1;
      const deposit = initial[0]?.depositCents ?? 0;
      const years = p.yearsExperience ?? 0;
      check(carriers.length > 0 || p.selfPay === true, "no insurance but not self-pay", p.slug);
      check(carriers.length === 0 || (carriers.length >= 2 && carriers.length <= 6), "2-6 carriers", p.slug);
      check(fee % 500 === 0 && fee >= 7_500 && fee <= 35_000, "consult fee", p.slug);
      check(deposit === 0 || (deposit >= 2_500 && deposit <= 10_000 && deposit <= fee), "deposit", p.slug);
      check(p.selfPay ? p.pricePerUnitCents! >= 900 && p.pricePerUnitCents! <= 2_000 : p.pricePerUnitCents === null, "unit price", p.slug);
      check(p.cancellationPolicy!.includes(`${p.cancellationWindowHours} hours`), "policy names the window", p.slug);
      check(p.cancellationPolicy!.includes("No deposit") === (deposit === 0), "policy names the deposit", p.slug);
      check(years >= 2 && years <= 35, "years of experience", p.slug);
      check(p.languages?.[0] === "en" && p.languages.every((l) => languages.has(l)), "languages", p.slug);
      check(p.name.startsWith("Dr. ") === (p.credentials !== "NP" && p.credentials !== "PA"), "Dr. for doctors only", p.slug);
      const sentences = p.bio!.replaceAll("Dr. ", "Dr ").split(/(?<=\.) /).length;
      check(sentences >= 2 && sentences <= 4, "2-4 sentence bio", p.slug);

      check(treated.length >= 1 && treated.length <= 4, "1-4 conditions", p.slug);
      check(treated.every((pc) => (pc.yearsTreating ?? 0) <= years), "years treating", p.slug);
      if (p.credentials === "DDS" || p.credentials === "DMD") {
        check(treated.some((pc) => conditionSlugById.get(pc.conditionId) === "tmj-jaw-pain"), "dentists treat TMJ", p.slug);
      }

      check(initial.length === 1, "one initial consultation", p.slug);
      check([30, 45].includes(initial[0]?.minutes ?? 0), "consultation minutes", p.slug);
      check(types.filter((t) => t.kind === "treatment").length === 1, "one treatment type", p.slug);
      check(types.every((t) => (t.depositCents ?? 0) <= t.feeCents), "type deposit within fee", p.slug);
      check(types.every((t) => t.kind !== "follow_up" || [15, 20].includes(t.minutes)), "follow-up minutes", p.slug);
    }
    expect(problems.slice(0, 20)).toEqual([]);

    const share = (pred: (p: (typeof big.providers)[number]) => boolean) => big.providers.filter(pred).length / big.providers.length;
    expect(share((p) => p.telehealth === true)).toBeCloseTo(0.4, 1);
    expect(share((p) => p.selfPay === true)).toBeCloseTo(0.85, 1);
    const consultationDeposit = new Map(big.appointmentTypes.filter((t) => t.kind === "initial_consultation").map((t) => [t.providerId, t.depositCents ?? 0]));
    expect(share((p) => consultationDeposit.get(p.id!) === 0)).toBeCloseTo(0.45, 1);
    expect(share((p) => (p.languages?.length ?? 0) > 1)).toBeCloseTo(0.35, 1);
    expect(share((p) => insuranceOf.has(p.id))).toBeCloseTo(0.7, 1);
    expect(share((p) => p.credentials === "MD")).toBeGreaterThan(0.35);
    expect(share((p) => p.listingStatus === "draft")).toBeGreaterThan(0);
  });

  it("starts with the demo anchors other tests rely on", () => {
    const [maya, austin, crossState] = demo.providers;
    expect(maya).toMatchObject({
      slug: DEMO_ANCHORS.maya,
      name: "Dr. Maya Chen",
      credentials: "MD",
      listingStatus: "published",
      selfPay: true,
    });
    const consultationOf = (providerId: string) => demo.appointmentTypes.find((t) => t.providerId === providerId && t.kind === "initial_consultation");
    expect(consultationOf(maya!.id!)!.depositCents).toBeGreaterThan(0);
    const mayaLocations = demo.locations.filter((l) => l.providerId === maya!.id);
    expect(mayaLocations.map((l) => [l.city, l.state, l.zip])).toEqual([["New York", "NY", "10016"]]);
    expect(demo.providerConditions.filter((pc) => pc.providerId === maya!.id).map((pc) => conditionSlugById.get(pc.conditionId)).sort()).toEqual([
      "chronic-migraine",
      "neck-shoulder-pain",
    ]);
    expect(demo.providerInsurance.filter((pi) => pi.providerId === maya!.id).map((pi) => carrierSlugById.get(pi.carrierId))).toContain("aetna");

    expect(austin).toMatchObject({ slug: DEMO_ANCHORS.austinTmj, telehealth: true, listingStatus: "published" });
    expect(consultationOf(austin!.id!)!.depositCents).toBe(0);
    expect(crossState).toMatchObject({ slug: DEMO_ANCHORS.crossState });

    const listed = listedLocations(demo);
    expect(listed.filter((l) => l.providerId === maya!.id)).toHaveLength(1);
    expect(listed.filter((l) => l.providerId === austin!.id).map((l) => l.city)).toEqual(["Austin", "Austin"]);
    expect(demo.providerConditions.some((pc) => pc.providerId === austin!.id && conditionSlugById.get(pc.conditionId) === "tmj-jaw-pain")).toBe(true);
    expect(listed.filter((l) => l.providerId === crossState!.id).map((l) => l.state)).toEqual(["NY"]);
    expect(demo.locations.filter((l) => l.providerId === crossState!.id).map((l) => l.state)).toEqual(["NY", "NJ"]);

    expect(generate(5, 99).providers.slice(0, 3).map((p) => p.slug)).toEqual(Object.values(DEMO_ANCHORS));

    const migraine = new Set(demo.providerConditions.filter((pc) => conditionSlugById.get(pc.conditionId) === "chronic-migraine").map((pc) => pc.providerId));
    const nearAnchor = new Set(listed.filter((l) => metroOfZip.get(l.zip) === "new-york" && migraine.has(l.providerId)).map((l) => l.providerId));
    expect(nearAnchor.size).toBeGreaterThan(PAGE_SIZE);
  });
});

describe("seed reference data", () => {
  it("has the six conditions with plain-language text and sane unit ranges", () => {
    expect(CONDITIONS.map((c) => c.slug)).toEqual([...CONDITION_SLUGS]);
    for (const c of CONDITIONS) {
      for (const text of [c.summary, c.howItWorks, c.sideEffects, c.expectations, c.insuranceNote, c.evaluationNote]) {
        expect(text.length).toBeGreaterThan(80);
      }
      expect(c.expectations).toMatch(/not cure/);
      expect(c.evaluationNote).toMatch(/myasthenia gravis/);
      expect(c.typicalUnitsLow).toBeLessThan(c.typicalUnitsHigh);
    }
    expect(CONDITIONS.find((c) => c.slug === "chronic-migraine")).toMatchObject({ typicalUnitsLow: 155, typicalUnitsHigh: 195 });
  });

  it("covers the required metros with their correct time zones", () => {
    expect(METROS.length).toBeGreaterThanOrEqual(22);
    const zoneOf = new Map(METROS.map((m) => [`${m.city}, ${m.state}`, m.timeZone]));
    expect(zoneOf.get("Phoenix, AZ")).toBe("America/Phoenix");
    expect(zoneOf.get("Denver, CO")).toBe("America/Denver");
    expect(zoneOf.get("Indianapolis, IN")).toBe("America/Indiana/Indianapolis");
    expect(zoneOf.get("El Paso, TX")).toBe("America/Denver");
    expect(zoneOf.get("Honolulu, HI")).toBe("Pacific/Honolulu");
    for (const city of [
      "New York, NY", "Austin, TX", "Chicago, IL", "Los Angeles, CA", "Seattle, WA", "Miami, FL", "Atlanta, GA",
      "Boston, MA", "Philadelphia, PA", "Houston, TX", "Dallas, TX", "San Francisco, CA", "San Diego, CA",
      "Minneapolis, MN", "Detroit, MI", "Nashville, TN", "Portland, OR", "Charlotte, NC", "Salt Lake City, UT",
    ]) {
      expect(zoneOf.has(city), city).toBe(true);
    }
  });
});

describe("office hours", () => {
  it("gives every location weekday hours that never overlap on a day", () => {
    const rows = generate(60);
    const byLocation = groupBy(rows.weeklyHours, (r) => r.locationId);
    expect(byLocation.size).toBe(rows.locations.length);
    for (const ranges of byLocation.values()) {
      expect(ranges.some((r) => r.weekday >= 1 && r.weekday <= 5)).toBe(true);
      for (const [day, sameDay] of groupBy(ranges, (r) => String(r.weekday))) {
        const sorted = [...sameDay].sort((a, b) => a.startMinute - b.startMinute);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startMinute, `weekday ${day}`).toBeGreaterThanOrEqual(sorted[i - 1]!.endMinute);
      }
    }
  });
});
