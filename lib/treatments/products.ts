// The botulinum toxin products a treatment records. Their units are not interchangeable (a unit of
// Dysport is not a unit of Botox), so units are only ever shown beside their own product, never
// added up or compared across products. Plain data, safe for client components.

export const TREATMENT_PRODUCTS = ["botox", "dysport", "xeomin", "daxxify", "myobloc"] as const;

export type TreatmentProduct = (typeof TREATMENT_PRODUCTS)[number];

export const PRODUCT_LABELS: Record<TreatmentProduct, string> = {
  botox: "Botox (onabotulinumtoxinA)",
  dysport: "Dysport (abobotulinumtoxinA)",
  xeomin: "Xeomin (incobotulinumtoxinA)",
  daxxify: "Daxxify (daxibotulinumtoxinA)",
  myobloc: "Myobloc (rimabotulinumtoxinB)",
};

/** Myobloc is dosed in thousands of units; the others in tens to hundreds. */
export const MAX_UNITS = 20_000;
