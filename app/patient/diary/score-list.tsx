import type { ScoreView } from "@/lib/diary/entries";
import { formatDay } from "@/lib/diary/format";

export function ScoreList({ scores }: { scores: ScoreView[] }) {
  if (scores.length === 0) return <p className="text-sm text-slate-700">No totals recorded yet.</p>;
  return (
    <table className="w-full max-w-2xl text-left text-sm">
      <caption className="sr-only">Questionnaire totals, newest first</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-700">
          <th scope="col" className="py-2">Day</th>
          <th scope="col">Form</th>
          <th scope="col">Total</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        {[...scores].reverse().map((s) => (
          <tr key={`${s.instrument}-${s.date}`} className="border-b border-slate-100">
            <td className="py-2">{formatDay(s.date)}</td>
            <td>{s.instrument}</td>
            <td>{s.total}</td>
            <td>{s.grade}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
