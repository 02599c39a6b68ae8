import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filtersToQuery, parseFilters, type FilterResult } from "./filters";

const refs = { conditionSlugs: new Set(["chronic-migraine", "tmj-jaw-pain"]), carrierSlugs: new Set(["aetna"]) };
const parse = (query: string) => parseFilters(new URLSearchParams(query), refs);
const errorOf = (result: FilterResult) => (result.ok ? null : result.error);

describe("parseFilters", () => {
  it("fills defaults for an empty search", () => {
    expect(parse("")).toMatchObject({
      ok: true,
      filters: { condition: null, near: null, radiusMi: 25, insurance: null, maxFeeDollars: null, telehealth: false, language: null, gender: null, sort: "match", page: 1 },
    });
  });

  it("reads every filter", () => {
    const result = parse("condition=tmj-jaw-pain&near=10016&radiusMi=10&insurance=aetna&maxFee=250&telehealth=1&language=es&gender=female&sort=fee&page=3");
    expect(result).toMatchObject({
      ok: true,
      filters: { condition: "tmj-jaw-pain", nearText: "10016", radiusMi: 10, insurance: "aetna", maxFeeDollars: 250, telehealth: true, language: "es", gender: "female", sort: "fee", page: 3 },
    });
    expect(result.ok && result.filters.near).toMatchObject({ label: "New York, NY 10016", latitude: 40.7443, longitude: -73.9781 });
  });

  it("treats empty form fields as absent, as a GET form sends them", () => {
    expect(parse("condition=&near=&radiusMi=&insurance=&maxFee=&language=&sort=&page=")).toMatchObject({ ok: true, filters: { condition: null, radiusMi: 25, page: 1 } });
  });

  it("reads sort=soonest and availableWithinDays from 1 to 62, and writes them back into a link", () => {
    const result = parse("sort=soonest&availableWithinDays=7");
    expect(result).toMatchObject({ ok: true, filters: { sort: "soonest", availableWithinDays: 7 } });
    expect(result.ok && filtersToQuery(result.filters)).toBe("?availableWithinDays=7&sort=soonest");
    expect(parse("availableWithinDays=62")).toMatchObject({ ok: true, filters: { availableWithinDays: 62 } });
    expect(parse("")).toMatchObject({ ok: true, filters: { availableWithinDays: null } });
    for (const bad of ["0", "63", "7.5", "-3", "week"]) {
      expect(errorOf(parse(`availableWithinDays=${bad}`))).toEqual({ field: "availableWithinDays", message: "Available within must be a whole number of days from 1 to 62." });
    }
  });

  it("accepts self-pay and a city with state, including abbreviations", () => {
    expect(parse("insurance=self-pay")).toMatchObject({ ok: true, filters: { insurance: "self-pay" } });
    expect(parse("near=austin,%20tx")).toMatchObject({ ok: true, filters: { near: { label: "Austin, TX" } } });
    expect(parse("near=St.%20Louis,%20MO")).toMatchObject({ ok: true, filters: { near: { label: "Saint Louis, MO" } } });
  });

  it.each([
    ["condition=botox-for-everything", "condition", /don't know that condition/],
    ["near=1001", "near", /not a ZIP code/],
    ["near=00000", "near", /couldn't find ZIP code 00000/],
    ["near=Atlantis,%20ZZ", "near", /couldn't find “Atlantis, ZZ”/],
    ["near=somewhere", "near", /ZIP code or a city and state/],
    ["radiusMi=0", "radiusMi", /1 to 200/],
    ["radiusMi=201", "radiusMi", /1 to 200/],
    ["radiusMi=ten", "radiusMi", /1 to 200/],
    ["insurance=acme", "insurance", /don't know that insurance/],
    ["maxFee=-5", "maxFee", /whole number of dollars/],
    ["telehealth=yes", "telehealth", /Telehealth/],
    ["language=xx", "language", /language/],
    ["gender=undisclosed", "gender", /female, male or nonbinary/],
    ["gender=FEMALE", "gender", /female, male or nonbinary/],
    ["sort=random", "sort", /Sort by/],
    ["sort=distance", "sort", /ZIP code or city to sort by distance/],
    ["page=two", "page", /Page must be/],
    ["page=0", "page", /Page must be/],
    [`near=${"a".repeat(101)}`, "near", /too long/],
  ])("rejects %s with a message on %s", (query, field, message) => {
    const error = errorOf(parse(query));
    expect(error?.field).toBe(field);
    expect(error?.message).toMatch(message);
  });

  it("takes the first of repeated parameters", () => {
    expect(parse("condition=tmj-jaw-pain&condition=nope")).toMatchObject({ ok: true, filters: { condition: "tmj-jaw-pain" } });
  });

  it("never throws, whatever the input", () => {
    const keys = fc.constantFrom("condition", "near", "radiusMi", "insurance", "maxFee", "telehealth", "language", "gender", "sort", "page", "other");
    fc.assert(
      fc.property(fc.dictionary(keys, fc.string({ maxLength: 300 })), (params) => {
        const result = parseFilters(params, refs);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});

describe("filtersToQuery", () => {
  it("round-trips a search through its URL, leaving defaults out", () => {
    const first = parse("condition=tmj-jaw-pain&near=Austin,%20TX&radiusMi=50&insurance=self-pay&maxFee=300&telehealth=1&language=es&gender=nonbinary&sort=distance&page=2");
    if (!first.ok) throw new Error(first.error.message);
    const query = filtersToQuery(first.filters);
    const again = parse(query.slice(1));
    expect(again.ok && again.filters).toEqual(first.filters);
    expect(filtersToQuery(first.filters, { page: 1, radiusMi: 25 })).not.toMatch(/page=|radiusMi=/);
  });
});
