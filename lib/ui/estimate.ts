/**
 * A self-pay estimate for one treatment: the condition's typical unit range times the
 * provider's price per unit. An estimate only; the provider confirms the dose at the visit.
 */
export type TreatmentEstimate = { unitsLow: number; unitsHigh: number; lowCents: number; highCents: number };

export function estimateTreatmentCost(
  pricePerUnitCents: number | null,
  unitsLow: number,
  unitsHigh: number,
): TreatmentEstimate | null {
  if (pricePerUnitCents === null || pricePerUnitCents <= 0) return null;
  if (!Number.isFinite(unitsLow) || !Number.isFinite(unitsHigh) || unitsLow <= 0) return null;
  const low = Math.min(unitsLow, unitsHigh);
  const high = Math.max(unitsLow, unitsHigh);
  return { unitsLow: low, unitsHigh: high, lowCents: low * pricePerUnitCents, highCents: high * pricePerUnitCents };
}
