import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openJson, SealedDataError, sealJson } from "./sealed-json";

const key = randomBytes(32);
const intake = { symptoms: "Headaches 20 days a month", safety: { pregnant: true } };

describe("sealed JSON", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the output", () => {
    const a = sealJson(intake, "booking-1", key);
    const b = sealJson(intake, "booking-1", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("Headaches");
    expect(Buffer.from(a.split(".")[3]!, "base64").toString("utf8")).not.toContain("Headaches");
    expect(openJson(a, "booking-1", key)).toEqual(intake);
  });

  it("refuses a tampered record, another record's id or another key", () => {
    const sealed = sealJson(intake, "booking-1", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64");
    body[0] = body[0]! ^ 1;
    const tampered = [parts[0], parts[1], parts[2], body.toString("base64")].join(".");
    expect(() => openJson(tampered, "booking-1", key)).toThrow(SealedDataError);
    expect(() => openJson(sealed, "booking-2", key)).toThrow(SealedDataError);
    expect(() => openJson(sealed, "booking-1", randomBytes(32))).toThrow(SealedDataError);
    expect(() => openJson("v0.garbage", "booking-1", key)).toThrow(SealedDataError);
  });
});
