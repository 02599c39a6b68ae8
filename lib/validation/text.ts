import { z } from "zod";

// The one way our schemas accept a string. Postgres refuses a NUL byte (error 22021) and a lone
// surrogate half cannot be encoded as UTF-8, so either would reach the database as a 500; here it
// is a field error instead, before anything is read or written.

/** True for text Postgres can store: no NUL, no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes("\0") && value.isWellFormed();
}

export const UNSTORABLE_TEXT = "Remove the invisible control character or broken symbol from this text.";

/** `z.string()` that refuses unstorable text; chain `.trim()`, `.max()`, `.regex()` as usual. */
export function safeString(params?: string | { message?: string }) {
  return z.string(params).refine(isStorableText, { message: UNSTORABLE_TEXT, abort: true });
}

/** An ISO instant with an offset, within `range` of now, as a Date-safe string. */
export function instantWithin(range: { now: () => Date; pastDays: number; futureDays: number }, message: string) {
  return safeString(message)
    .pipe(z.iso.datetime({ offset: true, message }))
    .refine((value) => {
      const at = Date.parse(value);
      const now = range.now().getTime();
      return !Number.isNaN(at) && at >= now - range.pastDays * 86_400_000 && at <= now + range.futureDays * 86_400_000;
    }, message);
}
