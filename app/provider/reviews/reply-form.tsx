"use client";

import { MAX_REPLY_TEXT } from "@/lib/reviews/options";
import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { TextArea } from "../../components/form-controls";
import { replyToReviewAction } from "./reply-action";

export function ReplyForm({ reviewId, author }: { reviewId: string; author: string }) {
  return (
    <ActionForm action={replyToReviewAction} className="space-y-3" aria-label={`Reply to ${author}`} confirm="Post this reply? It is public, and a review takes one reply.">
      {(state, pending) => (
        <>
          <input type="hidden" name="reviewId" value={reviewId} />
          <TextArea
            name="reply"
            id={`reply-${reviewId}`}
            label={`Your reply to ${author}`}
            hint="Public, once per review. Never mention the patient's health or visit details."
            rows={3}
            maxLength={MAX_REPLY_TEXT}
            error={state.fieldErrors?.reply}
          />
          <SubmitButton pending={pending} pendingLabel="Posting…">
            Post reply
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
