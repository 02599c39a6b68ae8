import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("accepts the ids the database makes, in either case", () => {
    const id = randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
  });

  it("refuses what Postgres would refuse with an error instead of no rows", () => {
    for (const bad of ["-".repeat(36), "0".repeat(36), "not-a-booking-id", "", "{00000000-0000-0000-0000-000000000000}", "00000000-0000-0000-0000-00000000000g"]) {
      expect(isUuid(bad), bad).toBe(false);
    }
  });
});
