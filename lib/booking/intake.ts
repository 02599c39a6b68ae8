import { z } from "zod";
import { safeString } from "@/lib/validation/text";
import { PREVENTIVE_CLASSES, PREVENTIVE_OUTCOMES, SAFETY_QUESTIONS, SYMPTOM_DURATIONS, TREATMENTS, type PreventiveClass, type SafetyKey } from "./intake-options";

// The consultation intake: what the provider needs to judge whether treatment is safe and likely
// to help. Everything here is health information: it is sealed before it is stored, never logged,
// never sent to Stripe, and every read of it by a provider is audited.

const yesNo = (label: string) =>
  z.enum(["yes", "no"], { message: `Answer yes or no: ${label.charAt(0).toLowerCase()}${label.slice(1)}.` }).transform((v) => v === "yes");

const longText = (label: string, max: number, required: boolean) => {
  const base = safeString({ message: `Describe ${label}.` }).trim().max(max, `Use at most ${max} characters for ${label}.`);
  return required ? base.min(1, `Describe ${label}.`) : base.default("");
};

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`)
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`);

export const intakeSchema = z
  .object({
    condition: safeString({ message: "Choose what you want treated." }).regex(/^[a-z0-9-]{1,60}$/, "Choose what you want treated."),
    symptoms: longText("your symptoms", 2000, true),
    duration: z.enum(SYMPTOM_DURATIONS.map((d) => d.value) as [string, ...string[]], { message: "Say how long you have had these symptoms." }),
    painScore: whole("your pain score", 0, 10),
    headacheDaysPerMonth: z
      .union([z.literal(""), whole("headache days per month", 0, 31)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    treatmentsTried: z
      .array(z.enum(TREATMENTS.map((t) => t.value) as [string, ...string[]], { message: "Choose treatments from the list." }))
      .max(TREATMENTS.length)
      .default([]),
    // Asked for migraine; an intake without it (an older one, or another condition) says nothing.
    preventives: z
      .object(
        Object.fromEntries(
          PREVENTIVE_CLASSES.map((c) => [c.key, z.enum(PREVENTIVE_OUTCOMES.map((o) => o.value), { message: "Choose how it went from the list." }).default("")]),
        ) as Record<PreventiveClass, z.ZodDefault<z.ZodEnum<{ [K in (typeof PREVENTIVE_OUTCOMES)[number]["value"]]: K }>>>,
      )
      .optional(),
    earlierBotox: longText("how earlier Botox went", 1000, false),
    medicines: longText("your current medicines", 2000, false),
    allergies: longText("your allergies", 1000, false),
    safety: z.object(
      Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, yesNo(q.label)])) as Record<SafetyKey, ReturnType<typeof yesNo>>,
    ),
    payment: z.enum(["insurance", "self-pay"], { message: "Choose insurance or self-pay." }),
    insuranceCarrier: safeString().max(60).default(""),
    consent: z.literal("yes", { message: "Agree to share your answers with this provider to send the request." }),
  })
  .superRefine((intake, ctx) => {
    if (intake.condition === "chronic-migraine" && intake.headacheDaysPerMonth === null) {
      ctx.addIssue({ code: "custom", path: ["headacheDaysPerMonth"], message: "Enter how many days a month you have a headache." });
    }
    if (intake.payment === "insurance" && intake.insuranceCarrier === "") {
      ctx.addIssue({ code: "custom", path: ["insuranceCarrier"], message: "Choose your insurance carrier." });
    }
  });

export type Intake = z.output<typeof intakeSchema>;

/** The "yes" answers to the safety questions, as the provider sees them highlighted. */
export function safetyFlags(intake: Pick<Intake, "safety">): string[] {
  return SAFETY_QUESTIONS.filter((q) => intake.safety[q.key]).map((q) => q.flag);
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** The intake form's fields → what intakeSchema parses (also what the JSON API accepts). */
export function intakeFormToInput(form: FormData): unknown {
  return {
    condition: text(form, "condition"),
    symptoms: text(form, "symptoms"),
    duration: text(form, "duration"),
    painScore: text(form, "painScore"),
    headacheDaysPerMonth: text(form, "headacheDaysPerMonth") ?? "",
    treatmentsTried: form.getAll("treatmentsTried").filter((v) => typeof v === "string"),
    ...(form.has(`preventives.${PREVENTIVE_CLASSES[0].key}`) ? { preventives: Object.fromEntries(PREVENTIVE_CLASSES.map((c) => [c.key, text(form, `preventives.${c.key}`) ?? ""])) } : {}),
    earlierBotox: text(form, "earlierBotox") ?? "",
    medicines: text(form, "medicines") ?? "",
    allergies: text(form, "allergies") ?? "",
    safety: Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, text(form, `safety.${q.key}`)])),
    payment: text(form, "payment"),
    insuranceCarrier: text(form, "insuranceCarrier") ?? "",
    consent: text(form, "consent"),
  };
}
