import { describe, expect, it } from "vitest";
import { dollarsToCents, listingFormToInput, listingSchema, parseVideoVisitUrl, VIDEO_VISIT_URL_MESSAGE } from "./validation";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
}

const VALID = {
  name: "Dr. Ana Ruiz",
  credentials: "DDS",
  specialty: "Oral surgery",
  yearsExperience: "9",
  languages: ["en", "es"],
  gender: "female",
  pricePerUnit: "$12.50",
  cancellationWindowHours: "48",
  conditions: ["tmj-jaw-pain"],
  "years-tmj-jaw-pain": "6",
};

describe("listing form", () => {
  it("reads prices the way people type them", () => {
    expect(dollarsToCents("$1,200.50")).toBe(120_050);
    expect(dollarsToCents("250")).toBe(25_000);
    expect(dollarsToCents("12.345")).toBeNull();
    expect(dollarsToCents("-5")).toBeNull();
    expect(dollarsToCents("1e3")).toBeNull();
  });

  it("turns the form into a listing, unchecked boxes as false", () => {
    const parsed = listingSchema.parse(listingFormToInput(form(VALID)));
    expect(parsed).toMatchObject({
      pricePerUnitCents: 1_250,
      telehealth: false,
      selfPay: false,
      conditions: [{ slug: "tmj-jaw-pain", yearsTreating: 6, note: "" }],
    });
  });

  it("puts each error on the field that caused it, the condition's own fields included", () => {
    const result = listingSchema.safeParse(
      listingFormToInput(form({ ...VALID, pricePerUnit: "abc", languages: [], "years-tmj-jaw-pain": "200" })),
    );
    const paths = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths).toMatchObject({
      pricePerUnitCents: "Enter the price per unit in dollars, up to $100, or leave it empty.",
      languages: "Choose at least one language you consult in.",
      "conditions.tmj-jaw-pain.yearsTreating": "Years treating it must be at most 70.",
    });
  });

  it("takes no consultation fee or deposit: those are the initial consultation type's", () => {
    const parsed = listingSchema.parse(listingFormToInput(form({ ...VALID, consultFee: "100", deposit: "150" })));
    expect(Object.keys(parsed)).not.toContain("consultFeeCents");
    expect(Object.keys(parsed)).not.toContain("depositCents");
  });

  it("keeps a plain https video-visit link and refuses anything a patient should not be sent to", () => {
    expect(listingSchema.parse(listingFormToInput(form({ ...VALID, videoVisitUrl: "  https://meet.example.com/dr-ruiz " }))).videoVisitUrl).toBe(
      "https://meet.example.com/dr-ruiz",
    );
    expect(listingSchema.parse(listingFormToInput(form(VALID))).videoVisitUrl).toBeNull();
    for (const bad of [
      "http://meet.example.com/room",
      "javascript:alert(1)",
      "https://user:secret@meet.example.com/room",
      "https://localhost/room",
      "https://meet.example.com/a room",
      "meet.example.com/room",
      `https://meet.example.com/${"a".repeat(500)}`,
    ]) {
      expect(parseVideoVisitUrl(bad), bad).toEqual({ ok: false });
      const result = listingSchema.safeParse(listingFormToInput(form({ ...VALID, videoVisitUrl: bad })));
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["videoVisitUrl", VIDEO_VISIT_URL_MESSAGE]]);
    }
  });
});
