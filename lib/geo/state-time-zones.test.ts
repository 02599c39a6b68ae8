import { describe, expect, it } from "vitest";
import { patientLocalTime, timeZonesOfState } from "./state-time-zones";
import { STATE_CODES } from "./states";

const at = new Date("2026-12-10T15:00:00Z");

describe("a video visit's time where the patient is", () => {
  it("knows a clock for every state a patient can name", () => {
    for (const state of STATE_CODES) expect(timeZonesOfState(state).length, state).toBeGreaterThan(0);
  });

  it("is given when the patient's state keeps another clock than the clinic", () => {
    expect(patientLocalTime(at, "America/New_York", "CA")).toEqual({
      label: "Your time in California",
      value: "Thursday, December 10, 2026 at 7:00 AM Pacific Standard Time",
    });
  });

  it("is left out when the clocks agree, whatever the zones are called", () => {
    expect(patientLocalTime(at, "America/New_York", "NJ")).toBeNull();
    expect(patientLocalTime(at, "America/Detroit", "OH")).toBeNull();
  });

  it("gives every clock of a state split between zones, since only the state is known", () => {
    expect(patientLocalTime(at, "America/New_York", "MI")?.value).toBe(
      "Thursday, December 10, 2026 at 10:00 AM Eastern Standard Time or Thursday, December 10, 2026 at 9:00 AM Central Standard Time",
    );
    expect(patientLocalTime(at, "America/Chicago", "TX")?.value).toBe(
      "Thursday, December 10, 2026 at 9:00 AM Central Standard Time or Thursday, December 10, 2026 at 8:00 AM Mountain Standard Time",
    );
  });

  it("follows daylight saving where the states differ on it", () => {
    const summer = new Date("2026-07-01T17:00:00Z");
    expect(patientLocalTime(summer, "America/Denver", "AZ")?.value).toBe("Wednesday, July 1, 2026 at 10:00 AM Mountain Standard Time");
    expect(patientLocalTime(at, "America/Denver", "AZ")).toBeNull();
  });
});
