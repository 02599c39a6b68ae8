"use client";

import { ActionButton, ReasonForm } from "../../components/action-form";
import { hideReviewAction } from "./hide-review-action";
import { keepReviewAction } from "./keep-review-action";
import { unhideReviewAction } from "./unhide-review-action";

export function ReportedReviewForms({ reviewId, label }: { reviewId: string; label: string }) {
  return (
    <div className="flex flex-col gap-3">
      <ReasonForm
        action={hideReviewAction}
        fields={{ reviewId }}
        label="Reason for hiding"
        hint="Kept in the audit log."
        inputId={`hide-${reviewId}`}
        pendingLabel="Hiding…"
        confirm={`Hide the ${label}? It stops showing and counting at once.`}
        className="flex flex-wrap items-end gap-2"
        aria-label={`Hide the ${label}`}
      >
        Hide<span className="sr-only"> the {label}</span>
      </ReasonForm>
      <ActionButton action={keepReviewAction} fields={{ reviewId }} pendingLabel="Keeping…" variant="secondary" aria-label={`Keep the ${label}`} className="space-y-2">
        Keep it up<span className="sr-only"> ({label})</span>
      </ActionButton>
    </div>
  );
}

export function UnhideReviewForm({ reviewId, label }: { reviewId: string; label: string }) {
  return (
    <ActionButton
      action={unhideReviewAction}
      fields={{ reviewId }}
      pendingLabel="Showing…"
      variant="secondary"
      confirm={`Show the ${label} again? It counts in the rating again.`}
      aria-label={`Show the ${label} again`}
      className="space-y-2"
    >
      Show again<span className="sr-only"> ({label})</span>
    </ActionButton>
  );
}
