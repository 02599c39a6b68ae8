import { ActionButton } from "@/app/components/action-form";
import type { SharingChoice } from "@/lib/diary/sharing";
import { setDiarySharingAction } from "./set-diary-sharing-action";

/** Which of the patient's providers may see their diary, scores and treatments: one switch each. */
export function DiarySharing({ choices }: { choices: SharingChoice[] }) {
  if (choices.length === 0) return null;
  return (
    <section aria-labelledby="sharing-heading" className="card p-5">
      <h2 id="sharing-heading" className="text-lg font-semibold text-slate-900">
        Who sees your diary
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        A provider you allow sees your diary&apos;s monthly numbers (not your notes), your MIDAS and HIT-6 totals and your treatments with any provider.
        Each time they look is recorded and listed in your data export.
      </p>
      <ul className="mt-3 divide-y divide-slate-200">
        {choices.map((c) => (
          <li key={c.providerSlug} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <p className="text-slate-800">
              <span className="font-medium text-slate-900">{c.providerName}</span>: {c.shared ? "can see your diary" : "cannot see your diary"}
            </p>
            <ActionButton
              action={setDiarySharingAction}
              fields={{ providerSlug: c.providerSlug, shared: c.shared ? "0" : "1" }}
              variant="secondary"
              pendingLabel="Saving…"
              aria-label={c.shared ? `Stop sharing your diary with ${c.providerName}` : `Share your diary with ${c.providerName}`}
            >
              {c.shared ? "Stop sharing" : "Share my diary"}
            </ActionButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
