import { sql } from "drizzle-orm";

/**
 * The consultation a listing shows for provider `p`, as the lateral `consultation` (fee_cents,
 * deposit_cents; null without one): the cheapest unarchived initial consultation type, through the
 * database function search entries are built with (migration 0028), so a profile, an export and a
 * search card cannot disagree about the price, and booking it charges the same.
 */
export const joinConsultation = sql`left join lateral provider_consultation(p.id) consultation on true`;
