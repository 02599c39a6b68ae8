import "server-only";
import type { z } from "zod";
import type { Role } from "@/lib/auth/accounts";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { ActionState } from "./action-state";
import { fieldErrorsOf } from "./field-errors";

export type { ActionState } from "./action-state";

export const NOT_SIGNED_IN = "Your session has ended. Sign in again to continue.";
export const NOT_ALLOWED = "Your account cannot do this.";

export { fieldErrorsOf } from "./field-errors";

/**
 * Wraps a server action so its input is parsed by `schema` once and its caller is checked for
 * one of `roles` before `run` sees anything. Server actions are public endpoints: this check is
 * the action's own, whatever the page that renders the form already checked.
 */
export function authorizedAction<S extends z.ZodType>(
  roles: readonly Role[],
  schema: S,
  toInput: (formData: FormData) => unknown,
  run: (input: z.infer<S>, user: CurrentUser) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { error: NOT_SIGNED_IN };
    if (!roles.includes(user.role)) return { error: NOT_ALLOWED };
    const parsed = schema.safeParse(toInput(formData));
    if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    return run(parsed.data, user);
  };
}
