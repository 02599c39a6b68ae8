import type { MonthSummary } from "@/lib/diary/summary";
import { formatMonth } from "@/lib/diary/format";

// Server-rendered SVG: no chart library reaches the browser. The picture is for sighted readers;
// the same numbers follow as a table for everyone else (and for anyone who wants them exact).

// `color` fills the bars (an SVG attribute); `swatch` is the same colour as a class, for the key:
// the Content-Security-Policy allows no inline style.
export type Series = { key: "headacheDays" | "migraineDays" | "acuteMedicineDays" | "averagePain"; label: string; color: string; swatch: string };

/** The two charts' series, on the patient's diary and on a provider's view of it. */
export const DAY_SERIES = [
  { key: "headacheDays", label: "Headache days", color: "#be123c", swatch: "bg-rose-700" },
  { key: "migraineDays", label: "Migraine days", color: "#7c3aed", swatch: "bg-violet-600" },
  { key: "acuteMedicineDays", label: "Acute medicine days", color: "#0369a1", swatch: "bg-sky-700" },
] as const satisfies readonly Series[];
export const PAIN_SERIES = [{ key: "averagePain", label: "Average peak pain", color: "#c2410c", swatch: "bg-orange-700" }] as const satisfies readonly Series[];

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 36, left: 32 };

export function MonthChart({ id, title, months, series, max, treatmentMonths, unit }: { id: string; title: string; months: MonthSummary[]; series: readonly Series[]; max: number; treatmentMonths: ReadonlySet<string>; unit: string }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(months.length, 1);
  const bar = Math.min(18, (slot - 6) / series.length);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];
  return (
    <figure className="card p-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} />
            {s.label}
          </li>
        ))}
        {treatmentMonths.size > 0 ? <li className="flex items-center gap-1">▲ treatment</li> : null}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 h-auto w-full" aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {months.map((month, i) => {
          const x0 = PAD.left + i * slot + (slot - bar * series.length) / 2;
          return (
            <g key={month.month}>
              {series.map((s, j) => {
                const value = month[s.key] ?? 0;
                return <rect key={s.key} x={x0 + j * bar} y={y(value)} width={Math.max(bar - 1, 1)} height={PAD.top + plotHeight - y(value)} fill={s.color} />;
              })}
              <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - 18} textAnchor="middle" fontSize="10" fill="#475569">
                {formatMonth(month.month).replace(" 20", " ’")}
              </text>
              {treatmentMonths.has(month.month) ? (
                <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="11" fill="#0f766e">
                  ▲
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>
          {title}, per month ({unit})
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            <th scope="col">Treatment that month</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month)}</th>
              {series.map((s) => (
                <td key={s.key}>{month[s.key] ?? "none"}</td>
              ))}
              <td>{treatmentMonths.has(month.month) ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
