import type { Role } from "./accounts";

/** A caller reached data they have no right to: a bug or a forged request, never a user mistake. */
export class ForbiddenError extends Error {
  constructor(what: string) {
    super(`Not allowed: ${what}`);
    this.name = "ForbiddenError";
  }
}

/**
 * The data layer's own role check. Actions check roles before calling lib/, and lib/ checks again,
 * so a function reused from a new route can never skip it.
 */
export function assertRole(user: { role: Role }, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new ForbiddenError(what);
}
