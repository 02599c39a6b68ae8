import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import type { Role } from "@/lib/auth/accounts";
import type { CurrentUser } from "@/lib/auth/session";
import type { TransitionResult } from "@/lib/booking/transitions";
import { afterBookingChange } from "@/lib/booking/after-change";

/**
 * A server action that changes a booking: checks the role, parses the form, runs the transition,
 * refreshes both dashboards and sends the queued email after the response.
 */
export function bookingAction<S extends z.ZodType>(
  roles: readonly Role[],
  schema: S,
  toInput: (form: FormData) => unknown,
  run: (input: z.infer<S>, user: CurrentUser) => Promise<TransitionResult>,
  /** Where to go after a success, for a change made from a page of its own. */
  thenGoTo?: (input: z.infer<S>) => string,
) {
  return authorizedAction(roles, schema, toInput, async (input, user) => {
    const result = await run(input, user);
    if (result.ok) {
      revalidatePath("/provider/requests");
      revalidatePath("/patient");
      afterBookingChange();
      if (thenGoTo) redirect(thenGoTo(input));
    }
    // Each transition's result says what it did.
    return toActionState(result);
  });
}

export const idFrom = (form: FormData) => ({ id: form.get("id") });
