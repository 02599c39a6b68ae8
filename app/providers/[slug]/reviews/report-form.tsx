"use client";

import { MAX_REPORT_NOTE, REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/reviews/options";
import { ActionForm, FormMessage, SubmitButton } from "../../../components/action-form";
import { Select, TextArea } from "../../../components/form-controls";
import { reportReviewAction } from "./report-review-action";

/** "Report this review", folded away under each review; anyone may send it. */
export function ReportForm({ reviewId, author }: { reviewId: string; author: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-slate-700 hover:text-slate-900">
        Report<span className="sr-only"> the review by {author}</span>
      </summary>
      <ActionForm action={reportReviewAction} className="mt-3 max-w-md space-y-3" aria-label={`Report the review by ${author}`}>
        {(state, pending) =>
          state.ok ? (
            <FormMessage state={state} />
          ) : (
            <>
              <input type="hidden" name="reviewId" value={reviewId} />
              <Select
                name="reason"
                id={`report-reason-${reviewId}`}
                label="Why should an admin look at it?"
                placeholder="Choose a reason"
                options={REPORT_REASONS.map((value) => ({ value, label: REPORT_REASON_LABELS[value] }))}
                error={state.fieldErrors?.reason}
              />
              <TextArea name="note" id={`report-note-${reviewId}`} label="Anything to add (optional)" rows={2} maxLength={MAX_REPORT_NOTE} error={state.fieldErrors?.note} />
              <SubmitButton pending={pending} pendingLabel="Sending…" variant="secondary">
                Send report
              </SubmitButton>
              <FormMessage state={state} />
            </>
          )
        }
      </ActionForm>
    </details>
  );
}
