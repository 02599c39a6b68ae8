import { beforeAll, describe, expect, it } from "vitest";
import { createProvider, npiLicense, seedReferenceData, stateLicense } from "@/db/testing/fixtures";
import { parseSearchFilters, searchProviders } from "./queries";

const NOW = new Date("2026-11-24T15:00:00Z");

async function search(query: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${parsed.error.message}`);
  return searchProviders(parsed.filters, { now: NOW });
}
const names = (r: { results: { name: string }[] }) => r.results.map((c) => c.name);

beforeAll(async () => {
  await seedReferenceData();
  await createProvider({
    name: "Near Cheap Migraine",
    milesNorth: 2,
    consultFeeCents: 9_000, provider: { telehealth: true, languages: ["en", "es"], selfPay: true, gender: "female" },
    conditions: [{ slug: "chronic-migraine", yearsTreating: 2 }],
    carriers: ["aetna"],
  });
  await createProvider({
    name: "Mid Expert Migraine",
    milesNorth: 10,
    consultFeeCents: 30_000, provider: { selfPay: false, gender: "male" },
    conditions: [{ slug: "chronic-migraine", yearsTreating: 15 }, { slug: "cervical-dystonia", yearsTreating: 3 }],
    carriers: ["cigna"],
  });
  await createProvider({
    name: "Far Tmj",
    milesNorth: 30,
    consultFeeCents: 15_000, provider: { languages: ["en", "zh"], gender: "nonbinary" },
    conditions: [{ slug: "tmj-jaw-pain", yearsTreating: 8 }],
    carriers: ["aetna", "cigna"],
  });
  await createProvider({
    name: "Across Country",
    locations: [{ city: "Austin", state: "TX", zip: "78701", latitude: 30.2711, longitude: -97.7437, timeZone: "America/Chicago" }],
    licenses: [npiLicense(), stateLicense("TX")],
  });
});

describe("radius", () => {
  it("honours the radius and reports distances in miles", async () => {
    expect(names(await search("near=10016&sort=distance"))).toEqual(["Near Cheap Migraine", "Mid Expert Migraine"]);
    const wide = await search("near=10016&radiusMi=50&sort=distance");
    expect(names(wide)).toEqual(["Near Cheap Migraine", "Mid Expert Migraine", "Far Tmj"]);
    expect(wide.results.map((r) => Math.round(r.distanceMi!))).toEqual([2, 10, 30]);
    expect(names(await search("near=10016&radiusMi=1"))).toEqual([]);
  });

  it("searches by city and state", async () => {
    expect(names(await search("near=New+York,+NY&radiusMi=15&sort=distance"))).toEqual(["Near Cheap Migraine", "Mid Expert Migraine"]);
  });

  it("without a place searches everywhere and gives no distance", async () => {
    const everywhere = await search("");
    expect(everywhere.total).toBe(4);
    expect(names(everywhere)).toContain("Across Country");
    expect(everywhere.results.every((r) => r.distanceMi === null)).toBe(true);
  });
});

describe("filters", () => {
  it("condition", async () => {
    expect(names(await search("near=10016&radiusMi=50&condition=tmj-jaw-pain"))).toEqual(["Far Tmj"]);
    expect(names(await search("near=10016&radiusMi=50&condition=cervical-dystonia"))).toEqual(["Mid Expert Migraine"]);
  });

  it("insurance carrier and self-pay", async () => {
    expect(names(await search("near=10016&radiusMi=50&insurance=cigna&sort=distance"))).toEqual(["Mid Expert Migraine", "Far Tmj"]);
    expect(names(await search("near=10016&radiusMi=50&insurance=self-pay&sort=distance"))).toEqual(["Near Cheap Migraine", "Far Tmj"]);
  });

  it("maximum fee in dollars, inclusive", async () => {
    expect(names(await search("near=10016&radiusMi=50&maxFee=150&sort=distance"))).toEqual(["Near Cheap Migraine", "Far Tmj"]);
    expect(names(await search("near=10016&radiusMi=50&maxFee=149"))).toEqual(["Near Cheap Migraine"]);
  });

  it("telehealth and language", async () => {
    expect(names(await search("near=10016&radiusMi=50&telehealth=1"))).toEqual(["Near Cheap Migraine"]);
    expect(names(await search("near=10016&radiusMi=50&language=zh"))).toEqual(["Far Tmj"]);
  });

  it("gender, near a place and anywhere; a provider who chose not to say matches none", async () => {
    expect(names(await search("near=10016&radiusMi=50&gender=female"))).toEqual(["Near Cheap Migraine"]);
    expect(names(await search("near=10016&radiusMi=50&gender=male&sort=fee"))).toEqual(["Mid Expert Migraine"]);
    expect(names(await search("gender=nonbinary"))).toEqual(["Far Tmj"]);
    expect(names(await search("gender=female&sort=fee"))).toEqual(["Near Cheap Migraine"]);
    // "Across Country" left the default, undisclosed: found without the filter, never with one.
    const all = await Promise.all(["female", "male", "nonbinary"].map((g) => search(`gender=${g}`)));
    expect(all.flatMap(names)).not.toContain("Across Country");
    expect(names(await search(""))).toContain("Across Country");
  });

  it("lists each card's conditions and insurance", async () => {
    const [card] = (await search("near=10016&condition=cervical-dystonia")).results;
    expect(card).toMatchObject({ conditions: ["chronic-migraine", "cervical-dystonia"], insurance: ["cigna"], consultFeeCents: 30_000 });
  });
});

describe("sorting", () => {
  it("fee: cheapest first", async () => {
    expect(names(await search("near=10016&radiusMi=50&sort=fee"))).toEqual(["Near Cheap Migraine", "Far Tmj", "Mid Expert Migraine"]);
  });

  it("match: most experience with the condition first", async () => {
    expect(names(await search("near=10016&radiusMi=50&condition=chronic-migraine"))).toEqual(["Mid Expert Migraine", "Near Cheap Migraine"]);
  });
});

describe("pagination", () => {
  beforeAll(async () => {
    for (let i = 0; i < 45; i++) {
      await createProvider({ name: `Page ${String(i).padStart(2, "0")}`, milesNorth: 100 + i * 0.01, conditions: [{ slug: "cervical-dystonia" }] });
    }
  });

  it("gives the total on every page and the right slice", async () => {
    const query = "near=10016&radiusMi=200&sort=distance&condition=cervical-dystonia";
    const pages = await Promise.all([1, 2, 3, 4].map((p) => search(`${query}&page=${p}`)));
    expect(pages.map((p) => p.total)).toEqual([46, 46, 46, 46]);
    expect(pages.map((p) => p.results.length)).toEqual([20, 20, 6, 0]);
    expect(pages[2]!.results.at(-1)!.name).toBe("Page 44");
    const all = pages.flatMap((p) => names(p));
    expect(new Set(all).size).toBe(46);
  });
});
