import type { TreatmentRecord } from "@/lib/treatments/records";
import { formatDate, isoDay } from "@/lib/ui/format";

/** A shared patient's treatments with any provider, as the progress page and the prior-authorization summary list them. */
export function TreatmentList({ treatments }: { treatments: TreatmentRecord[] }) {
  if (treatments.length === 0) return <p className="mt-2 text-sm text-slate-700">No treatment recorded on Relief Finder.</p>;
  return (
    <ul className="mt-2 space-y-1 text-sm text-slate-800">
      {treatments.map((t) => (
        <li key={t.bookingId}>
          <time dateTime={isoDay(t.treatedOn)}>{formatDate(t.treatedOn)}</time> with {t.provider.name}
          {t.details ? `: ${t.details.productLabel}, ${t.details.units} units, ${t.details.regions}${t.details.lot ? `, lot ${t.details.lot}` : ""}` : " (details unreadable)"}
        </li>
      ))}
    </ul>
  );
}
