import "server-only";
import type { z } from "zod";
import type { Role } from "@/lib/auth/accounts";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { ActionState } from "./action-state";
import { fieldErrorsOf } from "./field-errors";
import { guardAction, NOT_ALLOWED } from "./guard";

export type { ActionState } from "./action-state";

export const NOT_SIGNED_IN = "Your session has ended. Sign in again to continue.";
export const CHOOSE_PASSWORD_FIRST = "Choose a new password first: the one you signed in with was temporary.";
export { NOT_ALLOWED } from "./guard";

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
  { whilePasswordChangeIsDue = false }: { /** Only the action that chooses the new password. */ whilePasswordChangeIsDue?: boolean } = {},
) {
  return (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    guardAction(async () => {
      const user = await getCurrentUser();
      if (!user) return { error: NOT_SIGNED_IN };
      if (!roles.includes(user.role)) return { error: NOT_ALLOWED };
      if (user.mustChangePassword && !whilePasswordChangeIsDue) return { error: CHOOSE_PASSWORD_FIRST };
      // Form data from a hostile client need not be a FormData at all.
      const parsed = schema.safeParse(formData instanceof FormData ? toInput(formData) : undefined);
      if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      return run(parsed.data, user);
    });
}
