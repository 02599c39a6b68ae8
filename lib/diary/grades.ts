import type { Instrument } from "./validation";

// The published grading of each questionnaire's total. The questions themselves are copyrighted
// (HIT-6 needs a licence), so the app records only the total the clinic's form gave.

export function midasGrade(total: number): string {
  if (total <= 5) return "Grade I: little or no disability";
  if (total <= 10) return "Grade II: mild disability";
  if (total <= 20) return "Grade III: moderate disability";
  return "Grade IV: severe disability";
}

export function hit6Grade(total: number): string {
  if (total <= 49) return "Little or no impact";
  if (total <= 55) return "Some impact";
  if (total <= 59) return "Substantial impact";
  return "Severe impact";
}

export function gradeOf(instrument: Instrument, total: number): string {
  return instrument === "MIDAS" ? midasGrade(total) : hit6Grade(total);
}
