import { OWN_DIARY } from "@/lib/diary/api";
import { saveScore } from "@/lib/diary/entries";
import { gradeOf } from "@/lib/diary/grades";
import { scoreSchema } from "@/lib/diary/validation";
import { jsonRoute } from "@/lib/http/json-route";

/** Records a MIDAS or HIT-6 total from the clinic's form; the same form and day again replaces it. */
export const POST = jsonRoute({ route: "/api/diary/scores", ...OWN_DIARY, body: { schema: scoreSchema, maxBytes: 1024 } }, async ({ user, body }) => {
  await saveScore(user, body);
  return Response.json({ ...body, grade: gradeOf(body.instrument, body.total) }, { status: 201 });
});
