import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidNpi, npiCheckDigit } from "./npi";

describe("NPI check digit", () => {
  it("accepts the CMS worked example and real-format NPIs", () => {
    // CMS' own example: 123456789 → check digit 3.
    expect(npiCheckDigit("123456789")).toBe(3);
    expect(isValidNpi("1234567893")).toBe(true);
  });

  it("rejects a wrong check digit, wrong length and non-digits", () => {
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("123456789")).toBe(false);
    expect(isValidNpi("12345678933")).toBe(false);
    expect(isValidNpi("12345a7893")).toBe(false);
    expect(isValidNpi(" 1234567893")).toBe(false);
  });

  it("catches every single-digit typo", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[12]\d{8}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (nine, at, delta) => {
        const npi = nine + npiCheckDigit(nine);
        expect(isValidNpi(npi)).toBe(true);
        const typo = npi.slice(0, at) + ((Number(npi[at]) + delta) % 10) + npi.slice(at + 1);
        expect(isValidNpi(typo)).toBe(false);
      }),
    );
  });
});
