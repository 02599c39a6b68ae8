import type { z } from "zod";

/** The first message per field, keyed by the field's path ("intake.safety.priorReaction" for nested input). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return errors;
}
