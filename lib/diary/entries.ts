import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db/client";
import { diaryEntries, diaryScores } from "@/db/schema";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { openJson, sealJson } from "@/lib/crypto/sealed-json";
import { gradeOf } from "./grades";
import { monthlySummaries, type MonthSummary } from "./summary";
import type { MedicineCode } from "./medicines";
import type { DiaryEntryInput, Instrument, ScoreInput } from "./validation";

// A patient's diary, read and written only by that patient. (A provider's view, with the patient's
// consent and an audit row per read, is a later step; nothing here serves anyone else.)

type Patient = Pick<CurrentUser, "id" | "role">;

export type DiaryEntryView = {
  date: string;
  headache: boolean;
  migraine: boolean;
  pain: number;
  hours: number;
  acuteMedicine: boolean;
  medicines: MedicineCode[];
  note?: string;
};

export type ScoreView = { instrument: Instrument; date: string; total: number; grade: string };

export type Diary = {
  from: string;
  to: string;
  entries: DiaryEntryView[];
  months: MonthSummary[];
  scores: ScoreView[];
  /** Days of completed treatment visits, for marking the charts. */
  treatments: string[];
};

// The note is sealed under the patient and the day, so a ciphertext moved to another row fails.
const noteRecord = (patientId: string, day: string) => `diary:${patientId}:${day}`;

function ownDiary(user: Patient, what: string) {
  assertRole(user, ["patient"], what);
}

/** Creates or replaces the patient's entry for that day. */
export async function saveDiaryEntry(user: Patient, input: DiaryEntryInput): Promise<void> {
  ownDiary(user, "write a diary");
  const values = {
    headache: input.headache,
    migraine: input.migraine,
    pain: input.pain,
    hours: input.hours,
    acuteMedicine: input.acuteMedicine,
    medicines: input.medicines,
    noteCiphertext: input.note ? sealJson(input.note, noteRecord(user.id, input.date)) : null,
  };
  const db = await getDb();
  await db
    .insert(diaryEntries)
    .values({ patientId: user.id, day: input.date, ...values })
    .onConflictDoUpdate({ target: [diaryEntries.patientId, diaryEntries.day], set: { ...values, updatedAt: new Date() } });
}

/** Removes the patient's entry for that day; false when there was none. */
export async function deleteDiaryEntry(user: Patient, day: string): Promise<boolean> {
  ownDiary(user, "delete a diary entry");
  const db = await getDb();
  const removed = await db
    .delete(diaryEntries)
    .where(and(eq(diaryEntries.patientId, user.id), eq(diaryEntries.day, day)))
    .returning({ id: diaryEntries.id });
  return removed.length > 0;
}

/** Records a MIDAS or HIT-6 total; a second one for the same day and form replaces the first. */
export async function saveScore(user: Patient, input: ScoreInput): Promise<void> {
  ownDiary(user, "record a score");
  const db = await getDb();
  await db
    .insert(diaryScores)
    .values({ patientId: user.id, instrument: input.instrument, day: input.date, total: input.total })
    .onConflictDoUpdate({ target: [diaryScores.patientId, diaryScores.instrument, diaryScores.day], set: { total: input.total, createdAt: new Date() } });
}

type Row = {
  entries: { date: string; headache: boolean; migraine: boolean; pain: number; hours: number; acute: boolean; medicines: MedicineCode[]; note: string | null }[] | null;
  scores: { instrument: Instrument; date: string; total: number }[] | null;
  treatments: string[] | null;
};

/**
 * The patient's diary between two days (inclusive): entries, monthly summaries, scores and the
 * days of completed treatments, in one statement however long the diary.
 */
export async function readDiary(user: Patient, range: { from: string; to: string }): Promise<Diary> {
  ownDiary(user, "read a diary");
  return diaryOf(user.id, range);
}

/**
 * Any patient's diary, notes opened: for callers that have checked the right to read it (the
 * patient themself, or lib/diary/shared-progress.ts under the patient's consent).
 */
export async function diaryOf(patientId: string, range: { from: string; to: string }): Promise<Diary> {
  const user = { id: patientId };
  const [row] = await executeRows<Row>(sql`
    select
      (select json_agg(json_build_object('date', e.day::text, 'headache', e.headache, 'migraine', e.migraine, 'pain', e.pain,
                                         'hours', e.hours, 'acute', e.acute_medicine, 'medicines', e.medicines, 'note', e.note_ciphertext) order by e.day)
         from diary_entries e where e.patient_id = ${user.id} and e.day between ${range.from}::date and ${range.to}::date) as entries,
      (select json_agg(json_build_object('instrument', s.instrument, 'date', s.day::text, 'total', s.total) order by s.day, s.instrument::text)
         from diary_scores s where s.patient_id = ${user.id} and s.day between ${range.from}::date and ${range.to}::date) as scores,
      (select json_agg(distinct (b.starts_at at time zone b.time_zone)::date::text)
         from bookings b join appointment_types t on t.id = b.appointment_type_id
         where b.patient_id = ${user.id} and b.status = 'completed' and t.kind = 'treatment'
           and (b.starts_at at time zone b.time_zone)::date between ${range.from}::date and ${range.to}::date) as treatments`);
  const entries: DiaryEntryView[] = (row?.entries ?? []).map((e) => ({
    date: e.date,
    headache: e.headache,
    migraine: e.migraine,
    pain: e.pain,
    hours: e.hours,
    acuteMedicine: e.acute,
    medicines: e.medicines,
    ...(e.note ? { note: openJson(e.note, noteRecord(user.id, e.date)) as string } : {}),
  }));
  return {
    from: range.from,
    to: range.to,
    entries,
    months: monthlySummaries(entries),
    scores: (row?.scores ?? []).map((s) => ({ ...s, grade: gradeOf(s.instrument, s.total) })),
    treatments: (row?.treatments ?? []).sort(),
  };
}
