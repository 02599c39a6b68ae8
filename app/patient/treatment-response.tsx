import type { CycleResult, TreatmentResponse } from "@/lib/treatments/response";
import { formatDate, isoDay } from "@/lib/ui/format";

// How treatment is going, in plain words, beside the treatment history (lib/treatments/response.ts
// defines every number). Information, not advice: the decision stays with the patient and provider.

const Day = ({ value }: { value: string }) => <time dateTime={isoDay(value)}>{formatDate(value)}</time>;

function change(percent: number): string {
  if (percent === 0) return "no change";
  return percent < 0 ? `${-percent} % fewer` : `${percent} % more`;
}

function Cycle({ cycle, measuredAgainst }: { cycle: CycleResult; measuredAgainst: boolean }) {
  return (
    <li>
      From <Day value={cycle.treatedOn} />
      {cycle.complete ? "" : " (so far)"}:{" "}
      {cycle.headacheDaysPer28 === null
        ? `not enough diary days to count (${cycle.daysRecorded} recorded; at least half the days are needed).`
        : `${cycle.headacheDaysPer28} headache days in 28${measuredAgainst && cycle.changePercent !== null ? `, ${change(cycle.changePercent)} than before` : ""}.`}
    </li>
  );
}

export function TreatmentResponseSummary({ response }: { response: TreatmentResponse }) {
  const { baseline, cycles, verdict, thresholdPercent } = response;
  if (cycles.length === 0) return null;
  const latest = cycles.filter((c) => c.complete && c.changePercent !== null).at(-1);
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800">
      <h3 className="font-semibold text-slate-900">Is it helping?</h3>
      {baseline ? (
        <p className="mt-1">
          Before your first treatment: {baseline.headacheDaysPer28} headache days in 28{" "}
          {baseline.source === "diary" ? (
            <>
              (your diary, <Day value={baseline.from} /> to <Day value={baseline.to} />).
            </>
          ) : (
            "(from the headache days a month you gave in your intake)."
          )}
        </p>
      ) : (
        <p className="mt-1">
          There is nothing to compare with yet: your diary has too few days from before your first treatment, and no intake gave headache days a
          month.
        </p>
      )}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {cycles.map((c) => (
          <Cycle key={c.treatedOn} cycle={c} measuredAgainst={baseline !== null} />
        ))}
      </ul>
      {verdict && latest ? (
        <p className="mt-2 font-medium text-slate-900">
          {verdict === "responding"
            ? `After two cycles you are responding: ${-latest.changePercent!} % fewer headache days than before, at least the ${thresholdPercent} % fall clinics and insurers usually look for to continue.`
            : `After two cycles the change in headache days (${change(latest.changePercent!)}) is below the usual threshold to continue, a ${thresholdPercent} % fall. Talk it over with your provider.`}
        </p>
      ) : (
        <p className="mt-2 text-slate-700">Clinics and insurers usually judge after two full cycles (12 weeks each). A diary day by day makes the numbers count.</p>
      )}
    </div>
  );
}
