const UNIQUE_VIOLATION = "23505";

/** True when Postgres refused a write for a unique index; pg puts the code on the error, drizzle wraps it as `cause`. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === UNIQUE_VIOLATION) return constraint === undefined || name === constraint || String((e as Error).message).includes(constraint);
  }
  return false;
}

const EXCLUSION_VIOLATION = "23P01";

/** True when Postgres refused a write for an exclusion constraint (two bookings on one time). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === EXCLUSION_VIOLATION) return constraint === undefined || name === constraint || String((e as Error).message).includes(constraint);
  }
  return false;
}
