import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DAY_SERIES, MonthChart, PAIN_SERIES } from "@/app/patient/diary/month-chart";
import { ScoreList } from "@/app/patient/diary/score-list";
import { requireRole } from "@/lib/auth/session";
import { readSharedProgress } from "@/lib/diary/shared-progress";
import { TreatmentList } from "./treatment-list";
import { ResponseNumbers } from "./response-numbers";

export const metadata: Metadata = { title: "Patient progress", robots: { index: false } };

// A patient's diary, scores, treatments and response, for a provider the patient allowed
// (lib/diary/sharing.ts). Anything else, including a withdrawn consent, is "not found"; the read is
// audited before the page has anything to show.
export default async function PatientProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const provider = await requireRole(["provider"], `/provider/patients/${id}`);
  const progress = await readSharedProgress(provider, id);
  if (!progress) notFound();
  const treatmentMonths = new Set(progress.treatments.map((t) => t.treatedOn.slice(0, 7)));
  const maxDays = Math.max(10, ...progress.months.map((m) => m.headacheDays));
  return (
    <div className="space-y-6">
      <Link href="/provider/requests" className="text-sm font-medium">
        ← All requests and appointments
      </Link>
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Progress of {progress.patient.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          Shared by the patient, who can stop sharing at any time; each view is recorded. {progress.daysRecorded} diary days in the last 12 months.
        </p>
        <p className="mt-2 text-sm">
          <Link href={`/provider/patients/${progress.patient.id}/prior-auth`}>Prior authorization summary for chronic migraine</Link>
        </p>
      </header>
      <section aria-labelledby="response-heading" className="card p-5">
        <h2 id="response-heading" className="text-lg font-semibold text-slate-900">
          Treatment response
        </h2>
        <ResponseNumbers response={progress.response} />
      </section>
      <section aria-labelledby="treatments-heading" className="card p-5">
        <h2 id="treatments-heading" className="text-lg font-semibold text-slate-900">
          Treatments with any provider
        </h2>
        <TreatmentList treatments={progress.treatments} />
      </section>
      <section aria-labelledby="charts-heading" className="space-y-4">
        <h2 id="charts-heading" className="text-lg font-semibold text-slate-900">
          Diary, the last 12 months
        </h2>
        {progress.months.length === 0 ? (
          <p className="card p-5 text-slate-700">Nothing recorded in the last 12 months.</p>
        ) : (
          <>
            <MonthChart id="days-chart" title="Days per month" unit="days" months={progress.months} series={DAY_SERIES} max={Math.min(31, maxDays)} treatmentMonths={treatmentMonths} />
            <MonthChart id="pain-chart" title="Average peak pain on headache days" unit="0 to 10" months={progress.months} series={PAIN_SERIES} max={10} treatmentMonths={treatmentMonths} />
          </>
        )}
      </section>
      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="text-lg font-semibold text-slate-900">
          MIDAS and HIT-6 totals
        </h2>
        <ScoreList scores={progress.scores} />
      </section>
    </div>
  );
}
