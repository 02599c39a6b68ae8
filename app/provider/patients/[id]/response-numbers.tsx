import type { TreatmentResponse } from "@/lib/treatments/response";
import { formatDate } from "@/lib/ui/format";

/** The response with its numbers, for the provider: baseline, each cycle, and the verdict against their threshold. */
export function ResponseNumbers({ response }: { response: TreatmentResponse }) {
  const { baseline, cycles, verdict, thresholdPercent } = response;
  if (cycles.length === 0) return <p className="mt-2 text-sm text-slate-700">No completed treatment yet.</p>;
  return (
    <>
      <p className="mt-2 text-sm text-slate-800">
        Baseline:{" "}
        {baseline
          ? baseline.source === "diary"
            ? `${baseline.headacheDaysPer28} headache days per 28 (diary ${formatDate(baseline.from)} to ${formatDate(baseline.to)}, ${baseline.daysRecorded} of 28 days recorded)`
            : `${baseline.headacheDaysPer28} headache days per 28 (from the intake's days a month)`
          : "none (too few diary days before the first treatment and no intake figure)"}
      </p>
      <table className="mt-3 w-full max-w-2xl text-left text-sm">
        <caption className="sr-only">Headache days per 28 in each treatment cycle</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className="py-2">Cycle from</th>
            <th scope="col">Days recorded</th>
            <th scope="col">Headache days per 28</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.treatedOn} className="border-b border-slate-100">
              <td className="py-2">
                {formatDate(c.treatedOn)}
                {c.complete ? "" : " (so far)"}
              </td>
              <td>{c.daysRecorded}</td>
              <td>{c.headacheDaysPer28 ?? "too few days"}</td>
              <td>{c.changePercent === null ? "–" : `${c.changePercent > 0 ? "+" : ""}${c.changePercent} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm font-medium text-slate-900">
        {verdict === "responding"
          ? `Responding: at least the ${thresholdPercent} % fall in headache days you set as the threshold to continue.`
          : verdict === "below_threshold"
            ? `Below your threshold to continue (${thresholdPercent} % fall in headache days).`
            : `No verdict until two cycles are complete and measured (threshold ${thresholdPercent} %).`}
      </p>
    </>
  );
}
