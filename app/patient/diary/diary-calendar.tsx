import Link from "next/link";
import { addDays } from "@/lib/ui/time-zone";
import { formatDay, formatLongMonth } from "@/lib/diary/format";

// A month of days to fill in missed ones: each day links to its entry; recorded days are marked.

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function monthDays(month: string): string[] {
  const first = `${month}-01`;
  const days: string[] = [];
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + by, 1));
  return date.toISOString().slice(0, 7);
};

export function DiaryCalendar({ month, selected, today, earliest, recorded }: { month: string; selected: string; today: string; earliest: string; recorded: ReadonlyMap<string, { headache: boolean }> }) {
  const days = monthDays(month);
  // Monday first: getUTCDay is 0 for Sunday.
  const lead = (new Date(`${days[0]}T00:00:00Z`).getUTCDay() + 6) % 7;
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <nav aria-label="Pick a day" className="card p-4">
      <div className="flex items-center justify-between">
        {previous >= earliest.slice(0, 7) ? (
          <Link href={`/patient/diary?day=${previous}-01`} className="btn-secondary px-3 py-1 text-sm" aria-label={`Previous month, ${formatLongMonth(previous)}`}>
            ←
          </Link>
        ) : (
          <span />
        )}
        <h2 className="font-semibold text-slate-900">{formatLongMonth(month)}</h2>
        {next <= today.slice(0, 7) ? (
          <Link href={`/patient/diary?day=${next}-01`} className="btn-secondary px-3 py-1 text-sm" aria-label={`Next month, ${formatLongMonth(next)}`}>
            →
          </Link>
        ) : (
          <span />
        )}
      </div>
      <ol className="mt-3 grid grid-cols-7 gap-1 text-center text-sm">
        {WEEKDAYS.map((d) => (
          <li key={d} className="text-xs font-medium text-slate-600" aria-hidden="true">
            {d}
          </li>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <li key={`lead-${i}`} aria-hidden="true" />
        ))}
        {days.map((day) => {
          const entry = recorded.get(day);
          const label = `${formatDay(day)}: ${entry ? (entry.headache ? "headache or pain recorded" : "recorded, no headache") : "not recorded"}`;
          const style = day === selected ? "ring-2 ring-brand-700" : "";
          const fill = entry ? (entry.headache ? "bg-rose-100 text-rose-950" : "bg-emerald-100 text-emerald-950") : "bg-white text-slate-800";
          return (
            <li key={day}>
              {day > today || day < earliest ? (
                <span className="block rounded py-2 text-slate-500" aria-hidden="true">
                  {Number(day.slice(8))}
                </span>
              ) : (
                <Link href={`/patient/diary?day=${day}`} className={`block rounded border border-slate-200 py-2 no-underline ${fill} ${style}`} aria-label={label} aria-current={day === selected ? "date" : undefined}>
                  {Number(day.slice(8))}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-xs text-slate-600">Pink: headache or pain. Green: a day without. White: not recorded yet.</p>
    </nav>
  );
}
