import type { OwnReviewState } from "@/lib/reviews/reviews";
import { ReviewForm } from "./review-form";

/** The signed-in patient's part of the reviews section: write, edit, or why they cannot yet. */
export function OwnReview({ slug, providerName, state }: { slug: string; providerName: string; state: OwnReviewState }) {
  if (state.kind === "cannot_review") return null;
  if (state.kind === "can_write") {
    return (
      <div id="write-review" className="card space-y-3 p-4 sm:p-5">
        <h3 className="text-lg font-semibold text-slate-900">Review your visit with {providerName}</h3>
        <ReviewForm slug={slug} mode="create" />
      </div>
    );
  }
  if (state.hidden) {
    return <p className="card p-4 text-slate-700">A moderator hid your review of {providerName}, so it is not shown.</p>;
  }
  if (state.canEdit) {
    return (
      <div id="write-review" className="card space-y-3 p-4 sm:p-5">
        <h3 className="text-lg font-semibold text-slate-900">Edit your review</h3>
        <p className="text-sm text-slate-700">You have had another visit since you wrote it, so you can update it.</p>
        <ReviewForm slug={slug} mode="edit" defaults={state.review} />
      </div>
    );
  }
  return (
    <p id="write-review" className="card p-4 text-slate-700">
      You have reviewed {providerName}. You can edit your review after your next completed visit.
    </p>
  );
}
