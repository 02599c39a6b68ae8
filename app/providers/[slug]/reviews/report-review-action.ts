"use server";

import { headers } from "next/headers";
import type { ActionState } from "@/lib/actions/action-state";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { guardAction } from "@/lib/actions/guard";
import { clientAddress } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { reportReview } from "@/lib/reviews/reports";
import { reportSchema } from "@/lib/reviews/validation";

/** Anyone, signed in or not, reports a review; limited per client address (lib/reviews/reports.ts). */
export async function reportReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardAction(async () => {
    if (!(formData instanceof FormData)) return { error: "Choose why you are reporting this review." };
    const parsed = reportSchema.safeParse({ reviewId: formData.get("reviewId"), reason: formData.get("reason"), note: formData.get("note") ?? undefined });
    if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    const user = await getCurrentUser();
    const result = await reportReview({ ...parsed.data, ip: clientAddress(await headers()), reporterId: user?.id ?? null });
    return result.ok ? { ok: true, message: result.message } : { error: result.error };
  });
}
