import type { Metadata } from "next";
import { ActionButton } from "@/app/components/action-form";
import { requireRole } from "@/lib/auth/session";
import { readDiary } from "@/lib/diary/entries";
import { formatDay } from "@/lib/diary/format";
import { diaryToday, EARLIEST_DAY } from "@/lib/diary/validation";
import { addDays, isCalendarDate } from "@/lib/ui/time-zone";
import { deleteDiaryEntryAction } from "./delete-entry-action";
import { DiaryCalendar } from "./diary-calendar";
import { EntryForm } from "./entry-form";
import { DAY_SERIES, MonthChart, PAIN_SERIES } from "./month-chart";
import { ScoreForm } from "./score-form";
import { ScoreList } from "./score-list";

export const metadata: Metadata = { title: "Your diary" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DiaryPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(["patient"], "/patient/diary");
  const today = diaryToday();
  const asked = (await searchParams).day;
  const day = typeof asked === "string" && isCalendarDate(asked) && asked <= today && asked >= EARLIEST_DAY ? asked : today;
  // The charts' year, and the picked day's month when it is older.
  const yearAgo = addDays(today, -364);
  const from = day < yearAgo ? `${day.slice(0, 7)}-01` : yearAgo;
  const diary = await readDiary(user, { from, to: today });
  const byDay = new Map(diary.entries.map((e) => [e.date, e]));
  const entry = byDay.get(day);
  const dayLabel = day === today ? `today (${formatDay(day)})` : formatDay(day);
  const chartMonths = diary.months.filter((m) => m.month >= yearAgo.slice(0, 7));
  const treatmentMonths = new Set(diary.treatments.map((d) => d.slice(0, 7)));
  const maxDays = Math.max(10, ...chartMonths.map((m) => m.headacheDays));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">Your headache and pain diary</h1>
        <p className="mt-1 max-w-2xl text-slate-700">
          A line a day shows whether treatment helps: clinics and insurers count headache and migraine days per month. Only you can see it.
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="entry-heading" className="space-y-3">
          <h2 id="entry-heading" className="text-lg font-semibold text-slate-900">
            {entry ? `Your entry for ${dayLabel}` : `How was ${dayLabel}?`}
          </h2>
          <EntryForm key={day} day={day} dayLabel={dayLabel} entry={entry} />
          {entry ? (
            <ActionButton
              key={`delete-${day}`}
              action={deleteDiaryEntryAction}
              fields={{ date: day }}
              variant="danger"
              pendingLabel="Deleting…"
              confirm={`Delete your diary entry for ${formatDay(day)}? This cannot be undone.`}
              aria-label={`Delete the entry for ${formatDay(day)}`}
            >
              Delete this day&apos;s entry
            </ActionButton>
          ) : null}
        </section>
        <DiaryCalendar month={day.slice(0, 7)} selected={day} today={today} earliest={EARLIEST_DAY} recorded={byDay} />
      </div>

      <section aria-labelledby="charts-heading" className="space-y-4">
        <h2 id="charts-heading" className="text-lg font-semibold text-slate-900">
          The last 12 months
        </h2>
        {chartMonths.length === 0 ? (
          <p className="card p-5 text-slate-700">Nothing recorded yet. Save a day above and your months appear here.</p>
        ) : (
          <>
            <MonthChart id="days-chart" title="Days per month" unit="days" months={chartMonths} series={DAY_SERIES} max={Math.min(31, maxDays)} treatmentMonths={treatmentMonths} />
            <MonthChart id="pain-chart" title="Average peak pain on headache days" unit="0 to 10" months={chartMonths} series={PAIN_SERIES} max={10} treatmentMonths={treatmentMonths} />
          </>
        )}
      </section>

      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="text-lg font-semibold text-slate-900">
          MIDAS and HIT-6 totals
        </h2>
        <p className="max-w-2xl text-sm text-slate-700">Your clinic may ask you to fill in one of these forms. Record the total it gave, and see how it changes.</p>
        <ScoreForm today={today} />
        <ScoreList scores={diary.scores} />
      </section>
    </div>
  );
}
