import "server-only";

export const CARRIERS = [
  { slug: "aetna", name: "Aetna" },
  { slug: "anthem-bcbs", name: "Anthem Blue Cross Blue Shield" },
  { slug: "cigna", name: "Cigna" },
  { slug: "unitedhealthcare", name: "UnitedHealthcare" },
  { slug: "humana", name: "Humana" },
  { slug: "kaiser-permanente", name: "Kaiser Permanente" },
  { slug: "medicare", name: "Medicare" },
  { slug: "medicaid", name: "Medicaid" },
  { slug: "tricare", name: "TRICARE" },
  { slug: "oscar-health", name: "Oscar Health" },
] as const;

export type CarrierSlug = (typeof CARRIERS)[number]["slug"];
