import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ForbiddenError } from "@/lib/auth/authorize";
import { log } from "@/lib/log/logger";

export const SERVER_TROUBLE = "Something went wrong on our side. Nothing was saved; try again in a moment.";
export const NOT_ALLOWED = "Your account cannot do this.";

/**
 * Runs a server action's body so nothing it throws becomes a 500: Next's own signals (redirect,
 * notFound, forbidden) pass through; a data layer's refusal is "not allowed"; anything else is
 * logged as one line (name, code, frames; never the input) and answered with a message.
 */
export async function guardAction<T>(run: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ForbiddenError) return { error: NOT_ALLOWED };
    log.error("action_failed", error);
    return { error: SERVER_TROUBLE };
  }
}
