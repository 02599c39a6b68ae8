// Without zod, so that the diary form can import it: zod in a browser bundle probes `new Function`,
// which the Content-Security-Policy reports.

/** Acute medicines, a short list plus "other"; the codes are what is stored. */
export const MEDICINES = [
  { code: "triptan", label: "Triptan (sumatriptan, rizatriptan…)" },
  { code: "nsaid", label: "Anti-inflammatory (ibuprofen, naproxen…)" },
  { code: "acetaminophen", label: "Acetaminophen (Tylenol)" },
  { code: "gepant", label: "Gepant (ubrogepant, rimegepant)" },
  { code: "combination", label: "Combination with caffeine (Excedrin…)" },
  { code: "opioid", label: "Opioid" },
  { code: "other", label: "Other" },
] as const;
export const MEDICINE_CODES = MEDICINES.map((m) => m.code) as [(typeof MEDICINES)[number]["code"], ...(typeof MEDICINES)[number]["code"][]];
export type MedicineCode = (typeof MEDICINE_CODES)[number];
