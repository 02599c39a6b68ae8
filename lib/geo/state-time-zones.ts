import { formatInstantLong } from "@/lib/ui/format";
import { stateName } from "./states";

// The clock zones of each state a patient can say they are in, the one most of its people live in
// first. A video visit names only the state, not a town, so a state split between zones gets every
// one of its clocks rather than a guess. (tz-lookup needs a point; a state is not one.)
const STATE_TIME_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: ["America/Chicago"], AK: ["America/Anchorage", "America/Adak"], AZ: ["America/Phoenix"], AR: ["America/Chicago"],
  CA: ["America/Los_Angeles"], CO: ["America/Denver"], CT: ["America/New_York"], DE: ["America/New_York"],
  DC: ["America/New_York"], FL: ["America/New_York", "America/Chicago"], GA: ["America/New_York"], HI: ["Pacific/Honolulu"],
  ID: ["America/Boise", "America/Los_Angeles"], IL: ["America/Chicago"], IN: ["America/Indiana/Indianapolis", "America/Chicago"],
  IA: ["America/Chicago"], KS: ["America/Chicago", "America/Denver"], KY: ["America/New_York", "America/Chicago"],
  LA: ["America/Chicago"], ME: ["America/New_York"], MD: ["America/New_York"], MA: ["America/New_York"],
  MI: ["America/Detroit", "America/Menominee"], MN: ["America/Chicago"], MS: ["America/Chicago"], MO: ["America/Chicago"],
  MT: ["America/Denver"], NE: ["America/Chicago", "America/Denver"], NV: ["America/Los_Angeles"], NH: ["America/New_York"],
  NJ: ["America/New_York"], NM: ["America/Denver"], NY: ["America/New_York"], NC: ["America/New_York"],
  ND: ["America/Chicago", "America/Denver"], OH: ["America/New_York"], OK: ["America/Chicago"],
  OR: ["America/Los_Angeles", "America/Boise"], PA: ["America/New_York"], PR: ["America/Puerto_Rico"], RI: ["America/New_York"],
  SC: ["America/New_York"], SD: ["America/Chicago", "America/Denver"], TN: ["America/Chicago", "America/New_York"],
  TX: ["America/Chicago", "America/Denver"], UT: ["America/Denver"], VT: ["America/New_York"], VA: ["America/New_York"],
  WA: ["America/Los_Angeles"], WV: ["America/New_York"], WI: ["America/Chicago"], WY: ["America/Denver"],
};

export function timeZonesOfState(state: string): readonly string[] {
  return STATE_TIME_ZONES[state] ?? [];
}

/**
 * A video visit's time where the patient is, when that differs from the clinic's clock: "Monday,
 * … 9:00 AM Central Standard Time or 8:00 AM Mountain Standard Time". Null when every clock of the
 * state reads as the clinic's does (Detroit and New York are two zone names for one clock).
 */
export function patientLocalTime(at: Date, clinicZone: string, state: string): { label: string; value: string } | null {
  const zones = timeZonesOfState(state);
  const clinic = wallClock(at, clinicZone);
  if (zones.every((zone) => wallClock(at, zone) === clinic)) return null;
  const clocks = new Set(zones.map((zone) => formatInstantLong(at.toISOString(), zone)));
  return { label: `Your time in ${stateName(state)}`, value: [...clocks].join(" or ") };
}

/** The wall clock in a zone at an instant, for comparing zones whatever they are called. */
const wallClock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
