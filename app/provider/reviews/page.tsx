import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listOwnReviews } from "@/lib/reviews/replies";
import { formatDate } from "@/lib/ui/format";
import { Stars } from "../../components/stars";
import { ReplyForm } from "./reply-form";

export const metadata: Metadata = { title: "Reviews" };

export default async function ProviderReviewsPage() {
  const provider = await requireRole(["provider"], "/provider/reviews");
  const reviews = await listOwnReviews(provider);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Reviews</h1>
      <p className="max-w-2xl text-slate-700">
        Patients with a completed visit in the last 90 days can review you. You may reply once to each review; replies show under it on your profile.
      </p>
      {reviews.length === 0 ? (
        <p className="text-slate-700">No reviews yet.</p>
      ) : (
        <ul className="space-y-4">
          {reviews.map((r) => (
            <li key={r.id} className="card space-y-3 p-4 sm:p-5">
              <article aria-label={`Review by ${r.author}`} className="space-y-2">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Stars value={r.rating} />
                  <span className="font-semibold text-slate-900">{r.author}</span>
                  <time dateTime={r.createdAt} className="text-sm text-slate-600">
                    {formatDate(r.createdAt)}
                  </time>
                  {r.hidden ? <span className="tag">Hidden by a moderator</span> : null}
                </div>
                {r.text ? <p className="whitespace-pre-line text-slate-800">{r.text}</p> : null}
                {r.reply ? (
                  <div className="rounded-lg border-l-4 border-brand-700 bg-slate-50 px-3 py-2">
                    <p className="text-sm font-semibold text-slate-900">Your reply</p>
                    <p className="mt-1 whitespace-pre-line text-slate-800">{r.reply}</p>
                  </div>
                ) : null}
              </article>
              {!r.reply && !r.hidden ? <ReplyForm reviewId={r.id} author={r.author} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
