import { OWN_DIARY } from "@/lib/diary/api";
import { readDiary, saveDiaryEntry } from "@/lib/diary/entries";
import { diaryEntrySchema, parseDiaryRange } from "@/lib/diary/validation";
import { jsonRoute, problem } from "@/lib/http/json-route";

/** The caller's diary between `from` and `to` (default: the last 12 months), with monthly summaries. */
export const GET = jsonRoute({ route: "/api/diary", ...OWN_DIARY }, async ({ request, user }) => {
  const search = request.nextUrl.searchParams;
  const range = parseDiaryRange(search.get("from"), search.get("to"));
  if (!range.ok) return problem(400, range.message, { field: range.field });
  const diary = await readDiary(user, range);
  return Response.json(diary);
});

/** Creates or replaces the caller's entry for `date`. */
export const POST = jsonRoute({ route: "/api/diary", ...OWN_DIARY, body: { schema: diaryEntrySchema, maxBytes: 8 * 1024 } }, async ({ user, body }) => {
  await saveDiaryEntry(user, body);
  return Response.json({ date: body.date }, { status: 201 });
});
