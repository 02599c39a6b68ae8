import { dayParam, OWN_DIARY } from "@/lib/diary/api";
import { deleteDiaryEntry } from "@/lib/diary/entries";
import { jsonRoute, problem } from "@/lib/http/json-route";

/** Removes the caller's entry for that day. */
export const DELETE = jsonRoute({ route: "/api/diary/[date]", params: dayParam, ...OWN_DIARY }, async ({ user, params }) => {
  if (!(await deleteDiaryEntry(user, params.date))) return problem(404, "There is no entry for that day.");
  return new Response(null, { status: 204 });
});
