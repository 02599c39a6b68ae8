import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * SQL: the booking (in `table`, a name or an alias) is not a hold past its end nor a request past
 * its answer-by time, whatever its row says yet; state.ts currentStatus is the same rule for one
 * row in memory. A request without an answer-by time (there should be none: migration 0025 gave the
 * open ones theirs) keeps its time rather than free it.
 */
export function notLapsed(now: Date, table = "bookings"): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const t = sql.identifier(table);
  return sql`(case ${t}.status when 'pending_payment' then ${t}.hold_expires_at > ${at} when 'requested' then coalesce(${t}.answer_by > ${at}, true) else true end)`;
}
