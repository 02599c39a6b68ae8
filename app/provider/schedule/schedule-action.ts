import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import type { CurrentUser } from "@/lib/auth/session";
import { deliverOutboxSoon } from "@/lib/notifications/deliver-soon";
import type { SettingsResult } from "@/lib/scheduling/settings";

/**
 * A provider-only action on their schedule: parse, save, refresh the page, and send what it queued:
 * new hours or time off removed can free a time for the waitlist, whose hold lasts only 15 minutes.
 */
export function scheduleAction<S extends z.ZodType>(schema: S, toInput: (form: FormData) => unknown, run: (input: z.infer<S>, user: CurrentUser) => Promise<SettingsResult>) {
  return authorizedAction(["provider"], schema, toInput, async (input, user) => {
    const result = await run(input, user);
    if (result.ok) {
      revalidatePath("/provider", "layout");
      deliverOutboxSoon();
    }
    return toActionState(result, "Saved.");
  });
}

export const fieldsOf = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
