import { describe, expect, it } from "vitest";
import { emptyResultsMessage, resultsSummary, widerRadius, type SearchDescription } from "./search-summary";

const base: SearchDescription = {
  conditionName: null,
  placeLabel: null,
  radiusMi: 25,
  insurance: null,
  maxFeeDollars: null,
  telehealth: false,
  languageName: null,
};

describe("resultsSummary", () => {
  it("names the condition, radius and place", () => {
    expect(resultsSummary(42, { ...base, conditionName: "Chronic migraine", placeLabel: "10016" })).toBe(
      "42 providers for Chronic migraine within 25 mi of 10016",
    );
  });
  it("says 'across the US' without a place, and singular for one", () => {
    expect(resultsSummary(1, { ...base, conditionName: "TMJ" })).toBe("1 provider for TMJ across the US");
  });
  it("says when the search stopped counting", () => {
    expect(resultsSummary(1000, { ...base, conditionName: "TMJ" }, true)).toBe("1,000+ providers for TMJ across the US");
  });
  it("adds the other filters in words", () => {
    expect(
      resultsSummary(3, { ...base, placeLabel: "Austin, TX", insurance: "Aetna", telehealth: true, maxFeeDollars: 150, languageName: "Spanish" }),
    ).toBe(
      "3 providers within 25 mi of Austin, TX, accepting Aetna, with a consultation fee of $150 or less, offering telehealth and speaking Spanish",
    );
    expect(resultsSummary(2, { ...base, insurance: "self-pay" })).toBe("2 providers across the US, offering self-pay");
  });
});

describe("emptyResultsMessage", () => {
  it("explains what found nothing", () => {
    expect(emptyResultsMessage({ ...base, conditionName: "TMJ", placeLabel: "Austin, TX", radiusMi: 10 })).toBe(
      "No licensed providers treat TMJ within 10 mi of Austin, TX.",
    );
    expect(emptyResultsMessage({ ...base, placeLabel: "Austin, TX", radiusMi: 10, telehealth: true })).toBe(
      "No licensed providers offering telehealth are within 10 mi of Austin, TX.",
    );
    expect(emptyResultsMessage({ ...base, conditionName: "TMJ" })).toBe("No licensed providers treat TMJ.");
    expect(emptyResultsMessage(base)).toBe("No licensed providers are listed yet.");
  });
});

describe("widerRadius", () => {
  it("doubles up to 200 miles", () => {
    expect(widerRadius(10)).toBe(20);
    expect(widerRadius(150)).toBe(200);
    expect(widerRadius(200)).toBeNull();
  });
});
