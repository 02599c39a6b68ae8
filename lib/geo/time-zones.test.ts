import { describe, expect, it } from "vitest";
import { lookupZip } from "./places";
import { isKnownTimeZone, timeZoneAt } from "./time-zones";

describe("time zone of a location", () => {
  it("follows the zone boundaries inside a state, not the state's usual zone", () => {
    const elPaso = lookupZip("79901")!;
    const austin = lookupZip("78701")!;
    expect(elPaso.state).toBe("TX");
    expect(timeZoneAt(elPaso.latitude, elPaso.longitude)).toBe("America/Denver");
    expect(timeZoneAt(austin.latitude, austin.longitude)).toBe("America/Chicago");
    const phoenix = lookupZip("85004")!;
    expect(timeZoneAt(phoenix.latitude, phoenix.longitude)).toBe("America/Phoenix");
  });

  it("knows real zone names and refuses made-up ones", () => {
    expect(isKnownTimeZone("America/Indiana/Indianapolis")).toBe(true);
    expect(isKnownTimeZone("Asia/Kolkata")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("EST; drop table")).toBe(false);
  });

  it("finds no place for an unknown ZIP", () => {
    expect(lookupZip("00000")).toBeNull();
  });
});
