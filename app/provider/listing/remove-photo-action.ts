"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { removeOwnPhoto } from "@/lib/listing/photo";

export const removePhotoAction = authorizedAction(["provider"], z.object({}), () => ({}), async (_input, user) => {
  const result = await removeOwnPhoto(user);
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "Photo removed.");
});
