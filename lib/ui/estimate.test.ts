import { describe, expect, it } from "vitest";
import { estimateTreatmentCost } from "./estimate";

describe("estimateTreatmentCost", () => {
  it("multiplies the typical unit range by the price per unit", () => {
    expect(estimateTreatmentCost(1200, 155, 195)).toEqual({
      unitsLow: 155,
      unitsHigh: 195,
      lowCents: 186000,
      highCents: 234000,
    });
  });
  it("orders a reversed range", () => {
    expect(estimateTreatmentCost(1000, 50, 20)).toMatchObject({ unitsLow: 20, unitsHigh: 50 });
  });
  it("gives no estimate without a per-unit price or units", () => {
    expect(estimateTreatmentCost(null, 155, 195)).toBeNull();
    expect(estimateTreatmentCost(0, 155, 195)).toBeNull();
    expect(estimateTreatmentCost(1200, 0, 0)).toBeNull();
  });
});
