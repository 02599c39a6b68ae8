const UNIQUE_VIOLATION = "23505";
const EXCLUSION_VIOLATION = "23P01";
const LOCK_NOT_AVAILABLE = "55P03";
const DEADLOCK_DETECTED = "40P01";

type Refusal = { code?: unknown; constraint?: unknown; message?: unknown };

// pg puts Postgres's SQLSTATE on the error, drizzle wraps it as `cause`: look down the chain.
function* chain(error: unknown): Generator<Refusal> {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) yield e as Refusal;
}

function refusedFor(error: unknown, sqlState: string, constraint?: string): boolean {
  for (const e of chain(error)) {
    if (e.code === sqlState) return constraint === undefined || e.constraint === constraint || String(e.message).includes(constraint);
  }
  return false;
}

/** True when Postgres refused a write for a unique index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return refusedFor(error, UNIQUE_VIOLATION, constraint);
}

/** True when Postgres refused a write for an exclusion constraint (two bookings on one time). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return refusedFor(error, EXCLUSION_VIOLATION, constraint);
}

/** True when a statement gave up waiting for a lock (lock_timeout) or was chosen to end a deadlock. */
export function isLockWaitGivenUp(error: unknown): boolean {
  return refusedFor(error, LOCK_NOT_AVAILABLE) || refusedFor(error, DEADLOCK_DETECTED);
}
