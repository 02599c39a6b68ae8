import zipcodes from "zipcodes";
import type { Place } from "@/lib/search/types";

export type PlaceLookup = { ok: true; place: Place } | { ok: false; message: string };

const ZIP = /^\d{5}(-\d{4})?$/;
const CITY_STATE = /^([A-Za-z .'-]+?)\s*,\s*([A-Za-z]{2})$/;
// Spellings people type for the same city; the dataset spells them out.
const ABBREVIATIONS: [RegExp, string][] = [
  [/^st\.?\s+/i, "Saint "],
  [/^ft\.?\s+/i, "Fort "],
  [/^mt\.?\s+/i, "Mount "],
];

/** Resolves "10016", "10016-1234" or "Austin, TX" to coordinates from the offline ZIP dataset. */
export function lookupPlace(input: string): PlaceLookup {
  const text = input.trim().replace(/\s+/g, " ");
  if (/^\d+(-\d*)?$/.test(text) && !ZIP.test(text)) {
    return { ok: false, message: `“${text}” is not a ZIP code: use 5 digits, like 10016.` };
  }
  if (ZIP.test(text)) {
    const zip = text.slice(0, 5);
    const found = zipcodes.lookup(zip);
    if (!found || found.country !== "US") return { ok: false, message: `We couldn't find ZIP code ${zip}.` };
    return { ok: true, place: { label: `${found.city}, ${found.state} ${zip}`, latitude: found.latitude, longitude: found.longitude } };
  }
  const match = CITY_STATE.exec(text);
  if (!match) {
    return { ok: false, message: "Enter a 5-digit ZIP code or a city and state, like “Austin, TX”." };
  }
  const [, rawCity = "", rawState = ""] = match;
  const state = rawState.toUpperCase();
  const spellings = [rawCity, ...ABBREVIATIONS.filter(([re]) => re.test(rawCity)).map(([re, full]) => rawCity.replace(re, full))];
  for (const city of spellings) {
    const zips = zipsOfCity(city, state);
    if (zips.length > 0) {
      // The median of the city's ZIP codes stands for the city: unlike the mean, one mistyped
      // coordinate in the dataset (New York's 10200 sits in Asia) cannot move it.
      const latitude = median(zips.map((z) => z.latitude));
      const longitude = median(zips.map((z) => z.longitude));
      return { ok: true, place: { label: `${zips[0]!.city}, ${state}`, latitude, longitude } };
    }
  }
  return { ok: false, message: `We couldn't find “${rawCity.trim()}, ${state}”. Check the spelling, or try a ZIP code.` };
}

const citiesByState = new Map<string, Map<string, zipcodes.ZipCode[]>>();

// zipcodes.lookupByName scans every ZIP code of the state (a quarter of a millisecond for
// California) on each search; an index per state, built on first use, answers at once.
function zipsOfCity(city: string, state: string): zipcodes.ZipCode[] {
  let cities = citiesByState.get(state);
  if (!cities) {
    cities = new Map();
    for (const zip of zipcodes.lookupByState(state)) {
      if (zip.country !== "US") continue;
      const key = zip.city.toUpperCase();
      const list = cities.get(key);
      if (list) list.push(zip);
      else cities.set(key, [zip]);
    }
    citiesByState.set(state, cities);
  }
  return cities.get(city.toUpperCase()) ?? [];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type ZipPlace = { city: string; state: string; latitude: number; longitude: number };

/** The city, state and coordinates of a 5-digit ZIP code, from the offline dataset. */
export function lookupZip(zip: string): ZipPlace | null {
  const found = zipcodes.lookup(zip);
  if (!found || found.country !== "US" || !/^[A-Z]{2}$/.test(found.state)) return null;
  return { city: found.city, state: found.state, latitude: found.latitude, longitude: found.longitude };
}
