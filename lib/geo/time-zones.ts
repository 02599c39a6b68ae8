import tzLookup from "@photostructure/tz-lookup";

// The zones a US location can be in, for the location form's choices; tz-lookup picks the default.
export const US_TIME_ZONES = [
  { id: "America/New_York", label: "Eastern (New York)" },
  { id: "America/Detroit", label: "Eastern (Detroit)" },
  { id: "America/Indiana/Indianapolis", label: "Eastern (Indianapolis)" },
  { id: "America/Kentucky/Louisville", label: "Eastern (Louisville)" },
  { id: "America/Chicago", label: "Central (Chicago)" },
  { id: "America/Denver", label: "Mountain (Denver)" },
  { id: "America/Boise", label: "Mountain (Boise)" },
  { id: "America/Phoenix", label: "Mountain, no daylight saving (Phoenix)" },
  { id: "America/Los_Angeles", label: "Pacific (Los Angeles)" },
  { id: "America/Anchorage", label: "Alaska (Anchorage)" },
  { id: "Pacific/Honolulu", label: "Hawaii (Honolulu)" },
  { id: "America/Puerto_Rico", label: "Atlantic (Puerto Rico)" },
] as const;

/** The IANA zone at a point, from tz-lookup's offline boundary data. */
export function timeZoneAt(latitude: number, longitude: number): string {
  return tzLookup(latitude, longitude);
}

/** True for a zone name the runtime's time-zone database knows (the slot math needs one). */
export function isKnownTimeZone(id: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(id)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: id });
    return true;
  } catch {
    return false;
  }
}
