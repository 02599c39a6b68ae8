// How long a request waits for the provider. A request nobody answers must not hold the time, count
// toward the patient's open requests or be confirmed after it could still be planned for: it lapses
// 72 hours after it last reached the provider (made, paid for, or moved by the patient), or 24 hours
// before the visit, whichever comes first. A request made less than a day ahead (only where the
// provider's notice allows it) can be answered until the visit starts.

export const ANSWER_WITHIN_HOURS = 72;
export const ANSWER_BEFORE_START_HOURS = 24;

const HOUR = 3_600_000;

/** When a request that reached the provider at `reachedAt`, for a visit at `startsAt`, lapses. */
export function answerDeadline(startsAt: Date, reachedAt: Date): Date {
  const byRule = Math.min(reachedAt.getTime() + ANSWER_WITHIN_HOURS * HOUR, startsAt.getTime() - ANSWER_BEFORE_START_HOURS * HOUR);
  return new Date(byRule > reachedAt.getTime() ? byRule : startsAt.getTime());
}

/** The rule in one sentence, for the booking page and the provider's requests. */
export const ANSWER_RULE = `The provider has ${ANSWER_WITHIN_HOURS} hours to answer, and at the latest until ${ANSWER_BEFORE_START_HOURS} hours before the visit. A request not answered by then lapses: the time is freed and any deposit is refunded in full.`;
