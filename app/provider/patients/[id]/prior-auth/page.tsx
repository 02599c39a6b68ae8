import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DAY_SERIES, MonthChart } from "@/app/patient/diary/month-chart";
import { requireRole } from "@/lib/auth/session";
import { readPriorAuthSummary } from "@/lib/treatments/prior-auth-query";
import type { ItemStatus } from "@/lib/treatments/prior-auth";
import { formatDate, isoDay } from "@/lib/ui/format";
import { TreatmentList } from "../treatment-list";
import { ResponseNumbers } from "../response-numbers";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Prior authorization summary", robots: { index: false } };

const STATUS: Record<ItemStatus, { label: string; className: string }> = {
  met: { label: "Met", className: "bg-emerald-50 text-emerald-900" },
  not_met: { label: "Not met", className: "bg-red-50 text-red-900" },
  unknown: { label: "Unknown", className: "bg-slate-100 text-slate-800" },
};

// The summary a provider prints for a chronic-migraine prior authorization: the checklist with its
// evidence, the response, the treatments and the diary chart, on one page with a print stylesheet
// (print: utilities). Like the progress page, only with the patient's consent to share.
export default async function PriorAuthPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const provider = await requireRole(["provider"], `/provider/patients/${id}/prior-auth`);
  const summary = await readPriorAuthSummary(provider, id);
  if (!summary) notFound();
  const { progress, checklist } = summary;
  const treatmentMonths = new Set(progress.treatments.map((t) => t.treatedOn.slice(0, 7)));
  return (
    <article className="space-y-6 print:space-y-4" aria-labelledby="summary-heading">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/provider/patients/${progress.patient.id}`} className="text-sm font-medium">
          ← Progress of {progress.patient.name}
        </Link>
        <PrintButton />
      </div>
      <header>
        <h1 id="summary-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          Prior authorization summary: chronic migraine
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          Patient: {progress.patient.name}. Prepared <time dateTime={isoDay(progress.to)}>{formatDate(progress.to)}</time> from the patient&apos;s
          Relief Finder diary (shared with consent), their intake{summary.intakeSentAt ? ` of ${formatDate(summary.intakeSentAt.slice(0, 10))}` : ""}{" "}
          and treatments recorded on the platform. Check each item against the plan&apos;s own criteria.
        </p>
      </header>
      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading" className="text-lg font-semibold text-slate-900">
          Criteria
        </h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200">
          {checklist.map((item) => (
            <li key={item.key} className="flex flex-wrap items-start justify-between gap-2 p-3 print:break-inside-avoid">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{item.label}</p>
                <p className="text-sm text-slate-700">{item.evidence}.</p>
              </div>
              <span className={`tag ${STATUS[item.status].className}`}>{STATUS[item.status].label}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="response-heading" className="print:break-inside-avoid">
        <h2 id="response-heading" className="text-lg font-semibold text-slate-900">
          Treatment response
        </h2>
        <ResponseNumbers response={progress.response} />
      </section>
      <section aria-labelledby="treatments-heading" className="print:break-inside-avoid">
        <h2 id="treatments-heading" className="text-lg font-semibold text-slate-900">
          Treatments
        </h2>
        <TreatmentList treatments={progress.treatments} />
      </section>
      {progress.months.length > 0 ? (
        <MonthChart id="prior-auth-chart" title="Headache, migraine and acute-medicine days per month" unit="days" months={progress.months} series={DAY_SERIES} max={31} treatmentMonths={treatmentMonths} />
      ) : null}
    </article>
  );
}
