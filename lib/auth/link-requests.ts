import "server-only";
import { lt, sql } from "drizzle-orm";
import { executeRows, type Database } from "@/db/client";
import { accountEmailRequests } from "@/db/schema";
import { linkRequestDecision, WINDOW_MINUTES, type LinkRequestDecision } from "./throttle";

// The throttle on emailed links, shared by every kind (a reset, a sign-up, a verification link
// asked for again, an email change): each request is a row in account_email_requests, counted per
// client address and per email over the window, whether or not an account has the address, so
// neither the limit nor its refusal tells anyone who has one.

export type LinkPurpose = "password_reset" | "email_verification" | "email_change";

type Writer = Pick<Database, "insert" | "delete">;

const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();

/** Whether one more link of `purpose` may go to `email` (lower-cased) from `ip`. */
export async function linkRequestAllowed(purpose: LinkPurpose, email: string, ip: string, now: Date): Promise<LinkRequestDecision> {
  const [row] = await executeRows<{ addressCount: number; addressOldest: string | null; emailCount: number; emailOldest: string | null }>(sql`
    select
      count(*) filter (where ip = ${ip})::int as "addressCount",
      min(requested_at) filter (where ip = ${ip}) as "addressOldest",
      count(*) filter (where email = ${email})::int as "emailCount",
      min(requested_at) filter (where email = ${email}) as "emailOldest"
    from account_email_requests
    where purpose = ${purpose} and (ip = ${ip} or email = ${email}) and requested_at > ${windowStart(now)}::timestamptz`);
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return linkRequestDecision(
    {
      address: { failures: row?.addressCount ?? 0, oldest: date(row?.addressOldest) },
      email: { failures: row?.emailCount ?? 0, oldest: date(row?.emailOldest) },
    },
    now,
  );
}

/** Counts one request; in the transaction that acts on it, so a refused one is never counted. */
export async function recordLinkRequest(writer: Writer, purpose: LinkPurpose, email: string, ip: string, now: Date): Promise<void> {
  // The rows hold addresses typed by anyone, account or not: kept only while the limits read them.
  await writer.delete(accountEmailRequests).where(lt(accountEmailRequests.requestedAt, new Date(windowStart(now))));
  await writer.insert(accountEmailRequests).values({ purpose, email, ip, requestedAt: now });
}
