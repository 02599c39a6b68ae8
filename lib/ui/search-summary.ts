import { formatMoney, listNames, pluralizeCapped } from "./format";

/** What a search asked for, in the words the results page shows back to the patient. */
export type SearchDescription = {
  conditionName: string | null;
  placeLabel: string | null;
  radiusMi: number;
  /** The insurance carrier's name, "self-pay", or null for any. */
  insurance: string | null;
  maxFeeDollars: number | null;
  telehealth: boolean;
  languageName: string | null;
  /** "female", "male" or "nonbinary"; absent or null for any. */
  gender?: string | null;
};

function qualifiers(d: SearchDescription): string[] {
  const parts: string[] = [];
  if (d.insurance === "self-pay") parts.push("offering self-pay");
  else if (d.insurance) parts.push(`accepting ${d.insurance}`);
  if (d.maxFeeDollars !== null) parts.push(`with a consultation fee of ${formatMoney(d.maxFeeDollars * 100)} or less`);
  if (d.telehealth) parts.push("offering telehealth");
  if (d.languageName) parts.push(`speaking ${d.languageName}`);
  if (d.gender) parts.push(`who identify as ${d.gender}`);
  return parts;
}

/**
 * "42 providers for Chronic migraine within 25 mi of 10016, accepting Aetna"; "1,000+ providers…"
 * when the search stopped counting (`totalIsCapped`).
 */
export function resultsSummary(total: number, d: SearchDescription, totalIsCapped = false): string {
  let text = pluralizeCapped(total, totalIsCapped, "provider");
  if (d.conditionName) text += ` for ${d.conditionName}`;
  text += d.placeLabel ? ` within ${d.radiusMi} mi of ${d.placeLabel}` : " across the US";
  const extra = qualifiers(d);
  return extra.length > 0 ? `${text}, ${listNames(extra)}` : text;
}

/** "No licensed providers treat TMJ within 10 mi of Austin, TX." */
export function emptyResultsMessage(d: SearchDescription): string {
  const extra = qualifiers(d);
  let text = "No licensed providers";
  if (extra.length > 0) text += ` ${listNames(extra)}`;
  if (d.conditionName) text += ` treat ${d.conditionName}`;
  if (d.placeLabel) text += `${d.conditionName ? "" : " are"} within ${d.radiusMi} mi of ${d.placeLabel}`;
  if (!d.conditionName && !d.placeLabel) text += " are listed yet";
  return `${text}.`;
}

/** The next radius worth trying after an empty search: double, at most 200 miles. */
export function widerRadius(radiusMi: number, maxMi = 200): number | null {
  return radiusMi >= maxMi ? null : Math.min(radiusMi * 2, maxMi);
}
