"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionState } from "@/lib/actions/action-state";
import { authorizedAction } from "@/lib/actions/validated-action";
import { MAX_PHOTO_BYTES, PHOTO_TOO_LARGE, saveOwnPhoto } from "@/lib/listing/photo";

const photoSchema = z.object({
  photo: z
    .instanceof(File, { message: "Choose a photo to upload." })
    .refine((file) => file.size > 0, "Choose a photo to upload.")
    .refine((file) => file.size <= MAX_PHOTO_BYTES, PHOTO_TOO_LARGE),
});

export const uploadPhotoAction = authorizedAction(["provider"], photoSchema, (form) => ({ photo: form.get("photo") }), async ({ photo }, user) => {
  const result = await saveOwnPhoto(user, new Uint8Array(await photo.arrayBuffer()));
  if (result.ok) revalidatePath("/provider", "layout");
  return toActionState(result, "Photo updated.");
});
