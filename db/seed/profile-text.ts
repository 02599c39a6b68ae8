import "server-only";
import type { Faker } from "@faker-js/faker";
import { stateName } from "@/lib/geo/states";
import type { ConditionSlug } from "./conditions";
import { isDentist, isDoctor, SPECIALTIES, type Credential, type SpecialtyKey } from "./specialties";

const LANGUAGE_NAMES: Record<string, string> = {
  es: "Spanish", zh: "Mandarin", vi: "Vietnamese", ko: "Korean", ru: "Russian", ar: "Arabic",
  fr: "French", hi: "Hindi", pt: "Portuguese", tl: "Tagalog",
};

const CONDITION_PHRASES: Record<ConditionSlug, string> = {
  "chronic-migraine": "chronic migraine",
  "cervical-dystonia": "cervical dystonia",
  "neck-shoulder-pain": "long-standing neck and shoulder pain",
  "tmj-jaw-pain": "jaw pain from TMJ disorders or teeth grinding",
  "back-pain": "chronic back pain",
  "muscle-spasm": "painful muscle spasms",
};

const CONDITION_NOTES: Record<ConditionSlug, readonly string[]> = {
  "chronic-migraine": [
    "Follows the PREEMPT injection pattern and reviews headache diaries at every visit.",
    "Offers injections once at least two preventive medicines have been tried.",
    "Checks for medication-overuse headache before starting injections.",
    "Helps patients with the prior-authorization paperwork insurers ask for.",
  ],
  "cervical-dystonia": [
    "Uses EMG guidance to choose which neck muscles to inject.",
    "Uses ultrasound guidance and adjusts the dose from session to session.",
    "Works with physical therapists on posture and neck strength.",
  ],
  "neck-shoulder-pain": [
    "Injects tender trigger points alongside a home exercise program.",
    "Offers injections after physical therapy alone has not been enough.",
    "Looks for spine and shoulder causes before treating the muscles.",
  ],
  "tmj-jaw-pain": [
    "Combines masseter injections with a night guard and jaw exercises.",
    "Checks the teeth, bite and joint before recommending injections.",
    "Treats clenching and grinding that has not settled with a splint.",
  ],
  "back-pain": [
    "Uses ultrasound to guide injections into the muscles along the spine.",
    "Offers injections only as part of an active rehabilitation plan.",
    "Reviews imaging and rules out nerve causes before injecting.",
  ],
  "muscle-spasm": [
    "Uses ultrasound guidance for deeper muscles.",
    "Pairs injections with stretching and physical therapy.",
    "Treats trigger points in the neck, shoulders and back.",
  ],
};

const HOBBIES = [
  "hiking", "cycling", "cooking for friends", "running", "gardening", "playing piano", "swimming",
  "photography", "rock climbing", "reading history", "sailing", "yoga", "birdwatching", "woodworking",
];

export type BioInput = {
  first: string;
  last: string;
  name: string;
  credential: Credential;
  specialty: SpecialtyKey;
  gender: "female" | "male" | "nonbinary" | "undisclosed";
  yearsExperience: number;
  startYear: number;
  city: string;
  conditions: readonly ConditionSlug[];
  languages: readonly string[];
  telehealth: boolean;
  boardCertified: boolean;
};

function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? "an" : "a"} ${phrase}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Two to four sentences assembled from varied parts; no outcome promises. */
export function bioFor(f: Faker, p: BioInput): string {
  const short = isDoctor(p.credential) ? `Dr. ${p.last}` : p.first;
  const fullName = isDoctor(p.credential) ? p.name : `${p.name}, ${p.credential},`;
  const possessive = p.gender === "female" ? "her" : p.gender === "male" ? "his" : "their";
  const baseRole = SPECIALTIES[p.specialty].roles[p.credential] ?? SPECIALTIES[p.specialty].name.toLowerCase();
  const role = p.boardCertified && isDoctor(p.credential) ? `board-certified ${baseRole}` : baseRole;
  const treated = listOf(p.conditions.map((c) => CONDITION_PHRASES[c]));

  const intro = f.helpers.arrayElement([
    `${fullName} is ${withArticle(role)} in ${p.city} with ${p.yearsExperience} years of clinical experience.`,
    `${fullName} is ${withArticle(role)} who has cared for patients in the ${p.city} area since ${p.startYear}.`,
    `${fullName} has worked as ${withArticle(role)} for ${p.yearsExperience} years and sees patients in ${p.city}.`,
  ]);
  const focus = f.helpers.arrayElement([
    `Much of ${possessive} work is with people living with ${treated}.`,
    `${short} treats ${treated}, using botulinum toxin as one part of a wider plan rather than on its own.`,
    `${short}'s clinic focuses on ${treated}.`,
  ]);
  const sentences: string[] = [intro, focus];

  if (f.datatype.boolean({ probability: 0.7 })) {
    const partners = isDentist(p.credential) ? "physical therapists and physicians" : "physical therapists, dentists and primary care doctors";
    sentences.push(
      f.helpers.arrayElement([
        "First visits include a full history and examination, and injections are offered only when they suit the diagnosis.",
        `${short} asks patients to keep a symptom diary so the effect of each treatment can be judged honestly.`,
        `${short} explains the likely benefit, the usual side effects and the full cost before any treatment starts.`,
        `${short} works closely with ${partners}.`,
        "Patients are told plainly that injections ease symptoms for a few months and do not cure the condition.",
      ]),
    );
  }
  if (f.datatype.boolean({ probability: 0.5 })) {
    const other = p.languages.find((l) => l !== "en");
    const extras: string[] = [`Outside the clinic, ${short} enjoys ${f.helpers.arrayElement(HOBBIES)}.`];
    if (other) extras.push(`Appointments are available in English and ${LANGUAGE_NAMES[other] ?? other}.`);
    if (p.telehealth) extras.push("Follow-up visits can be done by video.");
    sentences.push(f.helpers.arrayElement(extras));
  }
  return sentences.join(" ");
}

export function conditionNote(f: Faker, condition: ConditionSlug): string {
  return f.helpers.arrayElement(CONDITION_NOTES[condition]);
}

export function clinicName(f: Faker, specialty: SpecialtyKey, last: string, city: string): string {
  return f.helpers.arrayElement(SPECIALTIES[specialty].clinicNames)(last, city);
}

export function cancellationPolicy(windowHours: number, depositCents: number): string {
  if (depositCents === 0) {
    return (
      `No deposit is needed to book. Please cancel or reschedule at least ${windowHours} hours ahead ` +
      "so the time can go to another patient."
    );
  }
  const deposit = `$${Math.round(depositCents / 100)}`;
  return (
    `A ${deposit} deposit holds your appointment and counts toward the visit fee. Cancel or reschedule at ` +
    `least ${windowHours} hours ahead and the deposit is refunded in full; later cancellations and missed ` +
    "appointments forfeit it."
  );
}

function boardLookup(state: string, credential: Credential): string {
  // New York licenses every profession through one office rather than separate boards.
  if (state === "NY") return "NY Office of the Professions license lookup";
  const board = isDentist(credential) ? "dental board" : credential === "NP" ? "board of nursing" : "medical board";
  return `${stateName(state)} ${board} license lookup`;
}

export function stateLicenseSource(state: string, credential: Credential, checkedOn: string): string {
  return `Checked against the ${boardLookup(state, credential)} on ${checkedOn}.`;
}

export function npiSource(checkedOn: string): string {
  return `Checked against the NPPES NPI Registry on ${checkedOn}.`;
}

export function boardSource(boardName: string, checkedOn: string): string {
  return `Checked against the ${boardName} certification lookup on ${checkedOn}.`;
}

export function stateLicenseRejection(f: Faker, state: string, credential: Credential): string {
  return f.helpers.arrayElement([
    `The license number was not found in the ${boardLookup(state, credential)}.`,
    "The name on the license does not match the name on this listing.",
    `The ${boardLookup(state, credential)} shows this license as inactive.`,
    "The uploaded license is for a different profession than the credentials listed.",
  ]);
}

export function npiRejection(f: Faker): string {
  return f.helpers.arrayElement([
    "NPPES lists this NPI under a different provider's name.",
    "This NPI belongs to an organization, not an individual provider.",
    "NPPES shows this NPI as deactivated.",
  ]);
}
