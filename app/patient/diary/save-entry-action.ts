"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/validated-action";
import { saveDiaryEntry } from "@/lib/diary/entries";
import { diaryEntrySchema } from "@/lib/diary/validation";
import { formatDay } from "@/lib/diary/format";
import { entryFromForm } from "./diary-form-input";

export const saveDiaryEntryAction = authorizedAction(["patient"], diaryEntrySchema, entryFromForm, async (input, user) => {
  await saveDiaryEntry(user, input);
  revalidatePath("/patient/diary");
  return { ok: true, message: `Saved ${formatDay(input.date)}.` };
});
