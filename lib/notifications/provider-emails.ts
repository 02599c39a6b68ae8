import "server-only";
import { and, eq, gte, isNull, lte, or, gt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { licenses, providers, users } from "@/db/schema";
import { trustDate } from "@/lib/licensing/trust";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import { compose } from "./account-emails";
import { enqueueEmail } from "./outbox";

// Emails to a provider about their listing: a license approved or rejected, one about to expire,
// the listing suspended or reinstated. They say which license (its kind and state) and what to do,
// never anything about a patient.

type Writer = Pick<Database, "select" | "insert">;

async function accountEmail(tx: Writer, providerId: string): Promise<string | null> {
  const [row] = await tx.select({ email: users.email }).from(providers).innerJoin(users, eq(users.id, providers.userId)).where(eq(providers.id, providerId));
  return row?.email ?? null;
}

type LicenseFacts = { kind: "npi" | "state" | "board"; state: string | null };
const licenseName = ({ kind, state }: LicenseFacts) => (kind === "npi" ? "NPI" : kind === "state" ? `${state} state license` : "board certification");

async function send(tx: Writer, providerId: string, kind: string, subject: string, paragraphs: string[], action: { label: string; path: string }) {
  const to = await accountEmail(tx, providerId);
  if (to) await enqueueEmail(tx, compose(to, { kind, subject, paragraphs, action }));
}

export function queueLicenseApprovedEmail(tx: Writer, providerId: string, license: LicenseFacts) {
  const name = licenseName(license);
  return send(tx, providerId, "license_approved", `Your ${name} is verified`, [
    `We checked your ${name} against the issuer's records and verified it.`,
    "Your overview says whether anything else still keeps your listing out of search.",
  ], { label: "Open your overview", path: "/provider" });
}

export function queueLicenseRejectedEmail(tx: Writer, providerId: string, license: LicenseFacts, reason: string) {
  const name = licenseName(license);
  return send(tx, providerId, "license_rejected", `We could not verify your ${name}`, [
    `We could not verify your ${name}. The reviewer wrote: "${reason}"`,
    "Correct it on your licenses page and it goes back to review.",
  ], { label: "Your licenses", path: "/provider/licenses" });
}

export function queueLicenseExpiringEmail(tx: Writer, providerId: string, license: LicenseFacts & { expiresOn: string }, days: number) {
  const name = licenseName(license);
  return send(tx, providerId, "license_expiring", `Your ${name} expires on ${license.expiresOn}`, [
    `Your ${name} expires on ${license.expiresOn}, in ${days <= 7 ? "a week or less" : "about a month"}.`,
    `From that day your ${license.state} locations leave search and cannot be booked, until we verify the renewed license. Enter the new expiry date (and number, if it changed) as soon as you have it.`,
  ], { label: "Update your license", path: "/provider/licenses" });
}

export function queueSuspendedEmail(tx: Writer, providerId: string, reason: string) {
  return send(tx, providerId, "listing_suspended", "Your Relief Finder listing is suspended", [
    `An administrator suspended your listing. The reason given: "${reason}"`,
    "While it is suspended your listing is out of search, cannot be booked, and its requests and bookings cannot be changed. Reply to this email if you think this is a mistake.",
  ], { label: "Open your overview", path: "/provider" });
}

export function queueReinstatedEmail(tx: Writer, providerId: string) {
  return send(tx, providerId, "listing_reinstated", "Your Relief Finder listing is reinstated", [
    "An administrator lifted the suspension of your listing. Your requests and bookings are open again, and your listing returns to search as soon as it meets every listing rule.",
  ], { label: "Open your overview", path: "/provider" });
}

/** Notice thresholds, largest first: each verified state license gets each one once per expiry date. */
export const EXPIRY_NOTICE_DAYS = [30, 7] as const;

/**
 * The daily cron: claims every verified state license that now falls inside a notice threshold
 * it has not had (the smallest that applies, so a license first seen 5 days out gets only the
 * 7-day notice) and queues the email, in one transaction, so however often it runs each notice
 * goes once. A changed license (a renewal) clears the mark and starts again.
 */
export async function queueLicenseExpiryNotices(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const today = trustDate(now);
  const within = (days: number) => sql`(${today}::date + ${days}::int)`;
  return scheduleTransaction(db, now, async (tx) => {
    let sent = 0;
    for (const days of [...EXPIRY_NOTICE_DAYS].reverse()) {
      const claimed = await tx
        .update(licenses)
        .set({ expiryNoticeDays: days })
        .where(
          and(
            eq(licenses.kind, "state"),
            eq(licenses.status, "verified"),
            gte(licenses.expiresOn, today),
            lte(licenses.expiresOn, within(days)),
            or(isNull(licenses.expiryNoticeDays), gt(licenses.expiryNoticeDays, days)),
          ),
        )
        .returning({ providerId: licenses.providerId, state: licenses.state, expiresOn: licenses.expiresOn });
      for (const license of claimed) await queueLicenseExpiringEmail(tx, license.providerId, { kind: "state", state: license.state, expiresOn: license.expiresOn! }, days);
      sent += claimed.length;
    }
    return sent;
  });
}
