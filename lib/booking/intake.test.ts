import { describe, expect, it } from "vitest";
import { intakeSchema, safetyFlags } from "./intake";

const VALID = {
  condition: "chronic-migraine",
  symptoms: "Throbbing headaches on one side with nausea.",
  duration: "1-5-years",
  painScore: "7",
  headacheDaysPerMonth: "18",
  treatmentsTried: ["triptans", "oral-medicines"],
  medicines: "Sumatriptan as needed",
  allergies: "",
  safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "yes", infectionAtSite: "no", priorReaction: "no" },
  payment: "self-pay",
  consent: "yes",
};

describe("intake", () => {
  it("accepts a complete intake and lists the safety answers that need attention", () => {
    const intake = intakeSchema.parse(VALID);
    expect(intake).toMatchObject({ painScore: 7, headacheDaysPerMonth: 18, safety: { pregnantOrBreastfeeding: true, priorReaction: false } });
    expect(safetyFlags(intake)).toEqual(["Pregnant or breastfeeding"]);
  });

  it("asks for headache days only for migraine, and for the carrier only with insurance", () => {
    const migraine = intakeSchema.safeParse({ ...VALID, headacheDaysPerMonth: "" });
    expect(migraine.error?.issues.map((i) => i.path.join("."))).toEqual(["headacheDaysPerMonth"]);
    expect(intakeSchema.safeParse({ ...VALID, condition: "tmj-jaw-pain", headacheDaysPerMonth: "" }).success).toBe(true);
    const insured = intakeSchema.safeParse({ ...VALID, payment: "insurance" });
    expect(insured.error?.issues[0]?.message).toBe("Choose your insurance carrier.");
  });

  it("needs every safety question answered and consent given", () => {
    const result = intakeSchema.safeParse({ ...VALID, safety: { neuromuscularDisease: "no" }, consent: undefined });
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["safety.pregnantOrBreastfeeding", "safety.infectionAtSite", "safety.priorReaction", "consent"]));
  });

  it("refuses a pain score outside 0 to 10", () => {
    expect(intakeSchema.safeParse({ ...VALID, painScore: "11" }).error?.issues[0]?.message).toBe("Your pain score must be between 0 and 10.");
  });
});
