import type { ReactNode } from "react";
import type { ProviderProfile, PublicReview } from "@/lib/providers/queries";
import { formatDate } from "@/lib/ui/format";
import { ratingSummary, Stars } from "../../../components/stars";
import { ReportForm } from "./report-form";

/**
 * The profile's verified reviews, newest first, each with the provider's reply. The text is
 * rendered as text (React escapes it), split into paragraphs, never as HTML. `own` is the signed-in
 * patient's form or note; `reportable` is false in the provider's own preview.
 */
export function ReviewsSection({ provider, own, reportable = true }: { provider: ProviderProfile; own?: ReactNode; reportable?: boolean }) {
  const summary = ratingSummary(provider.rating);
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading" className="text-xl font-semibold text-slate-900">
        Patient reviews
      </h2>
      {summary && provider.rating.average !== null ? (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-800">
          <Stars value={provider.rating.average} />
          <span>{summary}</span>
        </p>
      ) : (
        <p className="mt-2 text-slate-700">No reviews yet.</p>
      )}
      <p className="mt-1 text-sm text-slate-600">Only patients with a completed visit in the last 90 days can write a review.</p>
      {own ? <div className="mt-4">{own}</div> : null}
      {provider.reviews.length > 0 ? (
        <ul className="mt-6 space-y-4">
          {provider.reviews.map((review) => (
            <li key={review.id} className="card p-4">
              <Review review={review} providerName={provider.name} reportable={reportable} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Review({ review, providerName, reportable }: { review: PublicReview; providerName: string; reportable: boolean }) {
  return (
    <article aria-label={`Review by ${review.author}`} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars value={review.rating} />
        <span className="font-semibold text-slate-900">{review.author}</span>
        <span className="text-sm text-slate-600">
          <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
          {review.editedAt !== review.createdAt ? " · edited after a later visit" : null}
        </span>
      </div>
      {review.text ? (
        <div className="prose-plain max-w-prose text-slate-800">
          {review.text
            .split(/\n\s*\n/)
            .filter((p) => p.trim() !== "")
            .map((paragraph, i) => (
              <p key={i} className="whitespace-pre-line">
                {paragraph}
              </p>
            ))}
        </div>
      ) : null}
      {review.reply ? (
        <div className="rounded-lg border-l-4 border-brand-700 bg-slate-50 px-3 py-2">
          <p className="text-sm font-semibold text-slate-900">Reply from {providerName}</p>
          <p className="mt-1 whitespace-pre-line text-slate-800">{review.reply}</p>
        </div>
      ) : null}
      {reportable ? <ReportForm reviewId={review.id} author={review.author} /> : null}
    </article>
  );
}
