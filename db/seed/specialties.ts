import "server-only";
import type { NewProvider } from "@/db/schema";
import type { ConditionSlug } from "./conditions";

export type Credential = NewProvider["credentials"];

export type Board = { abbr: string; name: string };

export type Specialty = {
  name: string;
  /** How a bio names the clinician, by credential; only the credentials listed can hold it. */
  roles: Partial<Record<Credential, string>>;
  /** Relative chance of treating each condition; a missing condition is never treated. */
  conditionWeights: Partial<Record<ConditionSlug, number>>;
  board: Board;
  clinicNames: readonly ((last: string, city: string) => string)[];
};

export type SpecialtyKey = "neurology" | "headache" | "pmr" | "pain" | "orofacial" | "omfs" | "family";

export const SPECIALTIES: Record<SpecialtyKey, Specialty> = {
  neurology: {
    name: "Neurology",
    roles: { MD: "neurologist", DO: "neurologist", NP: "nurse practitioner in neurology", PA: "physician assistant in neurology" },
    conditionWeights: { "chronic-migraine": 5, "cervical-dystonia": 4, "neck-shoulder-pain": 2, "muscle-spasm": 2, "back-pain": 0.5 },
    board: { abbr: "ABPN", name: "American Board of Psychiatry and Neurology" },
    clinicNames: [(l) => `${l} Neurology`, (l) => `${l} Headache & Pain Clinic`, (_, c) => `${c} Neurology Associates`],
  },
  headache: {
    name: "Headache medicine",
    roles: { MD: "neurologist specializing in headache medicine", DO: "neurologist specializing in headache medicine", NP: "nurse practitioner in headache medicine" },
    conditionWeights: { "chronic-migraine": 8, "neck-shoulder-pain": 2, "cervical-dystonia": 1, "tmj-jaw-pain": 1 },
    board: { abbr: "UCNS", name: "United Council for Neurologic Subspecialties" },
    clinicNames: [(l) => `${l} Headache & Pain Clinic`, (_, c) => `${c} Headache Center`, (l) => `${l} Migraine & Headache Care`],
  },
  pmr: {
    name: "Physical medicine and rehabilitation",
    roles: {
      MD: "physiatrist (physical medicine and rehabilitation physician)",
      DO: "physiatrist (physical medicine and rehabilitation physician)",
      PA: "physician assistant in physical medicine and rehabilitation",
    },
    conditionWeights: { "back-pain": 4, "muscle-spasm": 4, "neck-shoulder-pain": 3, "cervical-dystonia": 2 },
    board: { abbr: "ABPMR", name: "American Board of Physical Medicine and Rehabilitation" },
    clinicNames: [(l) => `${l} Spine & Rehabilitation`, (_, c) => `${c} Physical Medicine`, (l) => `${l} Sports & Spine`],
  },
  pain: {
    name: "Pain medicine",
    roles: {
      MD: "pain medicine physician",
      DO: "pain medicine physician",
      NP: "nurse practitioner specializing in pain management",
      PA: "physician assistant in pain medicine",
    },
    conditionWeights: { "back-pain": 4, "neck-shoulder-pain": 4, "muscle-spasm": 3, "chronic-migraine": 2, "tmj-jaw-pain": 1, "cervical-dystonia": 1 },
    board: { abbr: "ABA", name: "American Board of Anesthesiology" },
    clinicNames: [(l) => `${l} Pain Management`, (_, c) => `${c} Pain & Spine Center`, (l) => `${l} Headache & Pain Clinic`],
  },
  orofacial: {
    name: "Orofacial pain (dentistry)",
    roles: { DDS: "dentist specializing in orofacial pain", DMD: "dentist specializing in orofacial pain" },
    conditionWeights: { "tmj-jaw-pain": 10, "neck-shoulder-pain": 2, "chronic-migraine": 1, "muscle-spasm": 1 },
    board: { abbr: "ABOP", name: "American Board of Orofacial Pain" },
    clinicNames: [(l) => `${l} TMJ & Orofacial Pain`, (_, c) => `${c} Jaw Pain Center`, (l) => `${l} TMJ & Sleep Dentistry`],
  },
  omfs: {
    name: "Oral and maxillofacial surgery",
    roles: { DDS: "oral and maxillofacial surgeon", DMD: "oral and maxillofacial surgeon" },
    conditionWeights: { "tmj-jaw-pain": 10, "muscle-spasm": 1, "neck-shoulder-pain": 0.5 },
    board: { abbr: "ABOMS", name: "American Board of Oral and Maxillofacial Surgery" },
    clinicNames: [(l) => `${l} Oral & Facial Surgery`, (_, c) => `${c} Oral Surgery & TMJ`],
  },
  family: {
    name: "Family medicine",
    roles: { MD: "family physician", DO: "family physician", NP: "family nurse practitioner", PA: "physician assistant in family medicine" },
    conditionWeights: { "chronic-migraine": 3, "neck-shoulder-pain": 3, "back-pain": 3, "muscle-spasm": 3, "tmj-jaw-pain": 0.5 },
    board: { abbr: "ABFM", name: "American Board of Family Medicine" },
    clinicNames: [(l) => `${l} Family Medicine`, (_, c) => `${c} Family Health`, (l) => `${l} Primary Care`],
  },
};

// Nurse practitioners and physician assistants certify nationally, not through a specialty board.
export const MIDLEVEL_BOARDS: Partial<Record<Credential, Board>> = {
  NP: { abbr: "AANPCB", name: "American Academy of Nurse Practitioners Certification Board" },
  PA: { abbr: "NCCPA", name: "National Commission on Certification of Physician Assistants" },
};

export const CREDENTIAL_WEIGHTS: readonly { value: Credential; weight: number }[] = [
  { value: "MD", weight: 46 },
  { value: "DO", weight: 14 },
  { value: "DDS", weight: 6 },
  { value: "DMD", weight: 5 },
  { value: "NP", weight: 16 },
  { value: "PA", weight: 13 },
];

export const SPECIALTY_WEIGHTS: Record<Credential, readonly { value: SpecialtyKey; weight: number }[]> = {
  MD: [
    { value: "neurology", weight: 30 },
    { value: "headache", weight: 10 },
    { value: "pmr", weight: 20 },
    { value: "pain", weight: 25 },
    { value: "family", weight: 15 },
  ],
  DO: [
    { value: "neurology", weight: 25 },
    { value: "headache", weight: 5 },
    { value: "pmr", weight: 25 },
    { value: "pain", weight: 25 },
    { value: "family", weight: 20 },
  ],
  DDS: [
    { value: "orofacial", weight: 60 },
    { value: "omfs", weight: 40 },
  ],
  DMD: [
    { value: "orofacial", weight: 60 },
    { value: "omfs", weight: 40 },
  ],
  NP: [
    { value: "neurology", weight: 30 },
    { value: "headache", weight: 15 },
    { value: "pain", weight: 30 },
    { value: "family", weight: 25 },
  ],
  PA: [
    { value: "neurology", weight: 25 },
    { value: "pmr", weight: 20 },
    { value: "pain", weight: 35 },
    { value: "family", weight: 20 },
  ],
};

export function isDoctor(credential: Credential): boolean {
  return credential !== "NP" && credential !== "PA";
}

export function isDentist(credential: Credential): boolean {
  return credential === "DDS" || credential === "DMD";
}
