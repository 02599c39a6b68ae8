// The intake form's fixed choices, apart from intake.ts so the form (a client component) does not
// ship zod to the browser.

export const SYMPTOM_DURATIONS = [
  { value: "under-3-months", label: "Less than 3 months" },
  { value: "3-12-months", label: "3 to 12 months" },
  { value: "1-5-years", label: "1 to 5 years" },
  { value: "over-5-years", label: "More than 5 years" },
] as const;

export const TREATMENTS = [
  { value: "physical-therapy", label: "Physical therapy" },
  { value: "oral-medicines", label: "Oral pain or preventive medicines" },
  { value: "triptans", label: "Triptans" },
  { value: "cgrp", label: "CGRP medicines" },
  { value: "nerve-blocks", label: "Nerve blocks" },
  { value: "botox", label: "Botox before" },
] as const;

/**
 * Migraine preventives by class, as insurers ask before they pay for Botox: which were tried and
 * for how long (lib/treatments/prior-auth.ts).
 */
export const PREVENTIVE_CLASSES = [
  { key: "antiepileptic", label: "An antiepileptic, such as topiramate or valproate" },
  { key: "betaBlocker", label: "A beta-blocker, such as propranolol or metoprolol" },
  { key: "antidepressant", label: "An antidepressant, such as amitriptyline or venlafaxine" },
  { key: "candesartan", label: "Candesartan" },
  { key: "cgrpAntibody", label: "A CGRP antibody, such as erenumab, fremanezumab or galcanezumab" },
  { key: "other", label: "Another preventive medicine" },
] as const;

export type PreventiveClass = (typeof PREVENTIVE_CLASSES)[number]["key"];

export const PREVENTIVE_OUTCOMES = [
  { value: "", label: "Not tried" },
  { value: "60-days", label: "Taken for at least 60 days" },
  { value: "side-effects", label: "Stopped because of side effects" },
  { value: "shorter", label: "Taken for less than 60 days" },
] as const;

export type PreventiveOutcome = (typeof PREVENTIVE_OUTCOMES)[number]["value"];

/** Screening questions the provider must see at a glance: each "yes" is a reason to pause. */
export const SAFETY_QUESTIONS = [
  { key: "neuromuscularDisease", label: "Myasthenia gravis, Lambert-Eaton syndrome or another neuromuscular disease", flag: "Neuromuscular disease" },
  { key: "pregnantOrBreastfeeding", label: "Pregnant, possibly pregnant, or breastfeeding", flag: "Pregnant or breastfeeding" },
  { key: "infectionAtSite", label: "An infection or skin problem where the injections would go", flag: "Infection at the injection site" },
  { key: "priorReaction", label: "A reaction to botulinum toxin (Botox, Dysport, Xeomin) before", flag: "Earlier reaction to botulinum toxin" },
] as const;

export type SafetyKey = (typeof SAFETY_QUESTIONS)[number]["key"];
