"use client";

import { useState } from "react";
import { contactDetailsIn, MAX_REVIEW_TEXT } from "@/lib/reviews/options";
import { ActionForm, FormMessage, SubmitButton } from "../../../components/action-form";
import { writeReviewAction } from "./write-review-action";

const STAR_LABELS = ["1 star: poor", "2 stars: fair", "3 stars: good", "4 stars: very good", "5 stars: excellent"];

/**
 * A new review, or an edit of one. It asks for no health details and warns, as the patient types,
 * when the text looks like it holds a phone number or an email address: the review is public.
 */
export function ReviewForm({ slug, mode, defaults }: { slug: string; mode: "create" | "edit"; defaults?: { rating: number; text: string | null; showName: boolean } }) {
  const [text, setText] = useState(defaults?.text ?? "");
  const found = contactDetailsIn(text);
  const warning =
    found.phone || found.email
      ? `This looks like ${found.phone && found.email ? "a phone number and an email address" : found.phone ? "a phone number" : "an email address"}. Reviews are public: please remove it.`
      : null;
  return (
    <ActionForm action={writeReviewAction} className="space-y-4" aria-label={mode === "create" ? "Write a review" : "Edit your review"}>
      {(state, pending) => (
        <>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="mode" value={mode} />
          <fieldset aria-describedby={state.fieldErrors?.["review.rating"] ? "rating-error" : undefined}>
            <legend className="field-label">Your rating</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {STAR_LABELS.map((label, i) => (
                <label key={label} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="rating" value={String(i + 1)} defaultChecked={defaults?.rating === i + 1} className="h-4 w-4 accent-brand-700" />
                  {label}
                </label>
              ))}
            </div>
            {state.fieldErrors?.["review.rating"] ? (
              <p id="rating-error" className="field-error">
                {state.fieldErrors["review.rating"]}
              </p>
            ) : null}
          </fieldset>
          <div>
            <label htmlFor="review-text" className="field-label">
              Your review <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <p id="review-text-hint" className="mt-1 text-xs text-slate-600">
              Describe the visit: how you were listened to, the explanation, the practice. Please do not include health details (yours or anyone&apos;s), phone
              numbers or email addresses. Up to {MAX_REVIEW_TEXT.toLocaleString("en-US")} characters.
            </p>
            <textarea
              id="review-text"
              name="text"
              rows={5}
              maxLength={MAX_REVIEW_TEXT}
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="field-control"
              aria-invalid={state.fieldErrors?.["review.text"] ? true : undefined}
              aria-describedby={["review-text-hint", "review-text-count", warning ? "review-text-warning" : null, state.fieldErrors?.["review.text"] ? "review-text-error" : null].filter(Boolean).join(" ")}
            />
            <p id="review-text-count" className="mt-1 text-xs text-slate-600">
              {`${text.length.toLocaleString("en-US")} of ${MAX_REVIEW_TEXT.toLocaleString("en-US")} characters`}
            </p>
            {warning ? (
              <p id="review-text-warning" role="status" className="mt-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {warning}
              </p>
            ) : null}
            {state.fieldErrors?.["review.text"] ? (
              <p id="review-text-error" className="field-error">
                {state.fieldErrors["review.text"]}
              </p>
            ) : null}
          </div>
          <div className="flex items-center gap-2">
            <input id="review-anonymous" name="anonymous" type="checkbox" value="1" defaultChecked={defaults ? !defaults.showName : false} className="h-4 w-4 rounded border-slate-400 accent-brand-700" />
            <label htmlFor="review-anonymous" className="text-sm text-slate-800">
              Show me as &ldquo;Verified patient&rdquo; instead of my first name and last initial
            </label>
          </div>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            {mode === "create" ? "Post review" : "Save changes"}
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}
