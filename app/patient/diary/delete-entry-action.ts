"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/validated-action";
import { deleteDiaryEntry } from "@/lib/diary/entries";
import { formatDay } from "@/lib/diary/format";
import { diaryDay } from "@/lib/diary/validation";
import { dayFromForm } from "./diary-form-input";

export const deleteDiaryEntryAction = authorizedAction(["patient"], z.object({ date: diaryDay }), dayFromForm, async ({ date }, user) => {
  const removed = await deleteDiaryEntry(user, date);
  revalidatePath("/patient/diary");
  return removed ? { ok: true, message: `Deleted the entry for ${formatDay(date)}.` } : { error: `There is no entry for ${formatDay(date)}.` };
});
