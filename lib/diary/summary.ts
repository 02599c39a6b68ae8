// Pure arithmetic over diary entries: what a month of the diary says, as clinics and insurers count it.

export type SummarizedEntry = { date: string; headache: boolean; migraine: boolean; pain: number; acuteMedicine: boolean };

export type MonthSummary = {
  month: string;
  daysRecorded: number;
  headacheDays: number;
  migraineDays: number;
  acuteMedicineDays: number;
  /** Mean peak pain over the month's headache days, to one decimal; null with none. */
  averagePain: number | null;
};

/** One summary per calendar month that has an entry, oldest first. */
export function monthlySummaries(entries: readonly SummarizedEntry[]): MonthSummary[] {
  const months = new Map<string, { recorded: number; headache: number; migraine: number; acute: number; painSum: number }>();
  for (const entry of entries) {
    const key = entry.date.slice(0, 7);
    const month = months.get(key) ?? { recorded: 0, headache: 0, migraine: 0, acute: 0, painSum: 0 };
    month.recorded++;
    if (entry.headache) {
      month.headache++;
      month.painSum += entry.pain;
    }
    if (entry.migraine) month.migraine++;
    if (entry.acuteMedicine) month.acute++;
    months.set(key, month);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      daysRecorded: m.recorded,
      headacheDays: m.headache,
      migraineDays: m.migraine,
      acuteMedicineDays: m.acute,
      averagePain: m.headache > 0 ? Math.round((m.painSum / m.headache) * 10) / 10 : null,
    }));
}
