"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/validated-action";
import { saveScore } from "@/lib/diary/entries";
import { gradeOf } from "@/lib/diary/grades";
import { scoreSchema } from "@/lib/diary/validation";
import { scoreFromForm } from "./diary-form-input";

export const saveScoreAction = authorizedAction(["patient"], scoreSchema, scoreFromForm, async (input, user) => {
  await saveScore(user, input);
  revalidatePath("/patient/diary");
  return { ok: true, message: `Saved: ${input.instrument} ${input.total}, ${gradeOf(input.instrument, input.total).toLowerCase()}.` };
});
