import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listReviewsForModeration, type ModerationRow } from "@/lib/reviews/moderation";
import { REPORT_REASON_LABELS } from "@/lib/reviews/options";
import { formatDate } from "@/lib/ui/format";
import { Stars } from "../../components/stars";
import { ReportedReviewForms, UnhideReviewForm } from "./moderation-forms";

export const metadata: Metadata = { title: "Reviews" };

function ReviewBody({ review }: { review: ModerationRow }) {
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars value={review.rating} />
        <span className="font-semibold text-slate-900">{review.author}</span>
        <span className="text-sm text-slate-700">
          on <Link href={`/providers/${encodeURIComponent(review.providerSlug)}`}>{review.providerName}</Link> · {formatDate(review.createdAt)}
        </span>
      </p>
      {review.text ? <p className="whitespace-pre-line text-slate-800">{review.text}</p> : <p className="text-slate-600">No text, a rating only.</p>}
      {review.reply ? <p className="text-sm text-slate-700">Reply: {review.reply}</p> : null}
    </div>
  );
}

export default async function AdminReviewsPage() {
  const admin = await requireRole(["admin"], "/admin/reviews");
  const { reported, hidden } = await listReviewsForModeration(admin);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Reviews</h1>
      <p className="max-w-2xl text-slate-700">
        Reviews someone reported. Hide one that shares health or personal details, is abusive, or is not about a real visit; hidden reviews stop showing and
        counting at once. Every decision is kept in the audit log.
      </p>
      <section aria-labelledby="reported-heading" className="space-y-3">
        <h2 id="reported-heading" className="text-lg font-semibold text-slate-900">
          Reported
        </h2>
        {reported.length === 0 ? <p className="text-slate-700">No reported reviews wait for a decision.</p> : null}
        <ul className="space-y-3">
          {reported.map((r) => (
            <li key={r.id} className="card flex flex-col gap-4 p-4 lg:flex-row lg:justify-between">
              <div className="space-y-3">
                <ReviewBody review={r} />
                <div>
                  <h3 className="text-sm font-semibold text-slate-900">{r.reports.length === 1 ? "1 report" : `${r.reports.length} reports`}</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
                    {r.reports.map((report, i) => (
                      <li key={i}>
                        {REPORT_REASON_LABELS[report.reason]}
                        {report.note ? `: ${report.note}` : ""} <span className="text-slate-600">({formatDate(report.createdAt)})</span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
              <ReportedReviewForms reviewId={r.id} label={`review by ${r.author} of ${r.providerName}`} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hidden-heading" className="space-y-3">
        <h2 id="hidden-heading" className="text-lg font-semibold text-slate-900">
          Hidden
        </h2>
        {hidden.length === 0 ? <p className="text-slate-700">No hidden reviews.</p> : null}
        <ul className="space-y-3">
          {hidden.map((r) => (
            <li key={r.id} className="card flex flex-col gap-4 p-4 lg:flex-row lg:justify-between">
              <div className="space-y-2">
                <ReviewBody review={r} />
                <p className="text-sm font-medium text-red-800">
                  Hidden {formatDate(r.hidden!.at)}: {r.hidden!.reason}
                </p>
              </div>
              <UnhideReviewForm reviewId={r.id} label={`review by ${r.author} of ${r.providerName}`} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
