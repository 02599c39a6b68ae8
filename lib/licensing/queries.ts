import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { licenses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { getOwnProvider } from "@/lib/listing/owner";
import { START_LISTING_FIRST } from "@/lib/listing/queries";
import { scheduleTransaction } from "@/lib/scheduling/next-openings";
import type { BoardCertificationInput, NpiInput, StateLicenseInput } from "./validation";

export type LicenseResult = { ok: true; message?: string } | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export type OwnLicense = {
  id: string;
  kind: "npi" | "state" | "board";
  state: string | null;
  number: string;
  issuer: string | null;
  expiresOn: string | null;
  status: "pending" | "verified" | "rejected";
  verifiedAt: Date | null;
  rejectionReason: string | null;
  submittedAt: Date;
};

export const MAX_LICENSES = 60;
const GONE = "That license no longer exists. Reload the page.";

// Everything a changed license must lose: a verification belongs to the number that was checked.
const BACK_TO_PENDING = {
  status: "pending",
  expiryNoticeDays: null,
  verifiedAt: null,
  verifiedBy: null,
  sourceNote: null,
  rejectionReason: null,
} as const;

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The signed-in provider's licenses, NPI first, then state licenses by state, then certifications. */
export async function getOwnLicenses(user: CurrentUser): Promise<OwnLicense[]> {
  assertRole(user, ["provider"], "only providers have licenses");
  const db = await getDb();
  const own = await getOwnProvider(user, db);
  if (!own) return [];
  return db
    .select({
      id: licenses.id,
      kind: licenses.kind,
      state: licenses.state,
      number: licenses.number,
      issuer: licenses.issuer,
      expiresOn: licenses.expiresOn,
      status: licenses.status,
      verifiedAt: licenses.verifiedAt,
      rejectionReason: licenses.rejectionReason,
      submittedAt: licenses.submittedAt,
    })
    .from(licenses)
    .where(eq(licenses.providerId, own.id))
    .orderBy(asc(licenses.kind), asc(licenses.state), asc(licenses.submittedAt));
}

/** Runs `work` for the signed-in provider's listing inside one transaction; refuses before a listing exists. */
async function withOwnListing(user: CurrentUser, work: (tx: Tx, providerId: string) => Promise<LicenseResult>): Promise<LicenseResult> {
  assertRole(user, ["provider"], "only providers submit licenses");
  const db = await getDb();
  return scheduleTransaction(db, new Date(), async (tx) => {
    const own = await getOwnProvider(user, tx);
    if (!own) return { ok: false, error: START_LISTING_FIRST };
    return work(tx, own.id);
  });
}

async function underLicenseLimit(tx: Tx, providerId: string): Promise<boolean> {
  return (await tx.$count(licenses, eq(licenses.providerId, providerId))) < MAX_LICENSES;
}

const NPI_TAKEN = "This NPI is already on another listing. If it is yours, contact us and we will sort it out.";

/**
 * Submits the provider's NPI, or replaces it. A changed number goes back to review (and so out of
 * search) because a verification belongs to the number that was checked.
 */
export async function submitNpi(user: CurrentUser, input: NpiInput): Promise<LicenseResult> {
  try {
    return await withOwnListing(user, async (tx, providerId) => {
      const [live] = await tx
        .select({ id: licenses.id, number: licenses.number })
        .from(licenses)
        .where(and(eq(licenses.providerId, providerId), eq(licenses.kind, "npi"), ne(licenses.status, "rejected")));
      if (live?.number === input.number) return { ok: true, message: "That NPI is already on file." };
      let licenseId: string;
      if (live) {
        await tx
          .update(licenses)
          .set({ number: input.number, ...BACK_TO_PENDING, submittedAt: new Date() })
          .where(and(eq(licenses.id, live.id), eq(licenses.providerId, providerId)));
        licenseId = live.id;
      } else {
        if (!(await underLicenseLimit(tx, providerId))) return { ok: false, error: `A listing can hold at most ${MAX_LICENSES} licenses.` };
        const [row] = await tx.insert(licenses).values({ providerId, kind: "npi", number: input.number }).returning({ id: licenses.id });
        licenseId = row!.id;
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: live ? "license.changed" : "license.submitted",
        subjectType: "license",
        subjectId: licenseId,
        details: { providerId, kind: "npi" },
      });
      return { ok: true, message: "NPI submitted. We review it within two business days." };
    });
  } catch (error) {
    if (isUniqueViolation(error, "licenses_npi_number_idx")) return { ok: false, fieldErrors: { number: NPI_TAKEN } };
    if (isUniqueViolation(error, "licenses_one_npi_idx")) return { ok: false, error: "Your NPI was just submitted in another window. Reload the page." };
    throw error;
  }
}

/** Adds a state license for review. */
export async function submitStateLicense(user: CurrentUser, input: StateLicenseInput): Promise<LicenseResult> {
  return withOwnListing(user, async (tx, providerId) => {
    const [duplicate] = await tx
      .select({ id: licenses.id })
      .from(licenses)
      .where(
        and(
          eq(licenses.providerId, providerId),
          eq(licenses.kind, "state"),
          eq(licenses.state, input.state),
          eq(licenses.number, input.number),
          ne(licenses.status, "rejected"),
        ),
      );
    if (duplicate) return { ok: false, fieldErrors: { number: "You already submitted this license. Edit it below to change its expiry date." } };
    if (!(await underLicenseLimit(tx, providerId))) return { ok: false, error: `A listing can hold at most ${MAX_LICENSES} licenses.` };
    const [row] = await tx
      .insert(licenses)
      .values({ providerId, kind: "state", state: input.state, number: input.number, expiresOn: input.expiresOn })
      .returning({ id: licenses.id });
    await recordAudit(tx, {
      actorId: user.id,
      action: "license.submitted",
      subjectType: "license",
      subjectId: row!.id,
      details: { providerId, kind: "state", state: input.state },
    });
    return { ok: true, message: `${input.state} license submitted. We review it within two business days.` };
  });
}

/** Adds an optional board certification for review; it is shown on the profile once verified. */
export async function submitBoardCertification(user: CurrentUser, input: BoardCertificationInput): Promise<LicenseResult> {
  return withOwnListing(user, async (tx, providerId) => {
    if (!(await underLicenseLimit(tx, providerId))) return { ok: false, error: `A listing can hold at most ${MAX_LICENSES} licenses.` };
    const [row] = await tx
      .insert(licenses)
      .values({ providerId, kind: "board", issuer: input.issuer, number: input.number, expiresOn: input.expiresOn })
      .returning({ id: licenses.id });
    await recordAudit(tx, { actorId: user.id, action: "license.submitted", subjectType: "license", subjectId: row!.id, details: { providerId, kind: "board" } });
    return { ok: true, message: "Board certification submitted for review." };
  });
}

/**
 * Edits one of the provider's own state licenses. Any change to the state, number or expiry date
 * sends it back to review: the issue asks this for state and number, and expiry is included
 * because a provider who could extend a verified date alone would defeat the expiry rule.
 */
export async function updateStateLicense(user: CurrentUser, licenseId: string, input: StateLicenseInput): Promise<LicenseResult> {
  return withOwnListing(user, async (tx, providerId) => {
    const [current] = await tx
      .select({ state: licenses.state, number: licenses.number, expiresOn: licenses.expiresOn, status: licenses.status })
      .from(licenses)
      .where(and(eq(licenses.id, licenseId), eq(licenses.providerId, providerId), eq(licenses.kind, "state")))
      .for("update");
    if (!current) return { ok: false, error: GONE };
    const unchanged = current.state === input.state && current.number === input.number && current.expiresOn === input.expiresOn;
    if (unchanged && current.status !== "rejected") return { ok: true, message: "Nothing changed." };
    await tx
      .update(licenses)
      .set({ state: input.state, number: input.number, expiresOn: input.expiresOn, ...BACK_TO_PENDING, submittedAt: new Date() })
      .where(and(eq(licenses.id, licenseId), eq(licenses.providerId, providerId)));
    await recordAudit(tx, {
      actorId: user.id,
      action: "license.changed",
      subjectType: "license",
      subjectId: licenseId,
      details: { providerId, kind: "state", from: { state: current.state, status: current.status }, to: { state: input.state, status: "pending" } },
    });
    return {
      ok: true,
      message: current.status === "verified" ? "Saved. The changed license is back in review, so it does not count until we verify it again." : "Saved and sent for review.",
    };
  });
}

/** Removes one of the provider's own licenses (a withdrawn or mistaken submission). */
export async function withdrawLicense(user: CurrentUser, licenseId: string): Promise<LicenseResult> {
  return withOwnListing(user, async (tx, providerId) => {
    const removed = await tx
      .delete(licenses)
      .where(and(eq(licenses.id, licenseId), eq(licenses.providerId, providerId)))
      .returning({ kind: licenses.kind, state: licenses.state, status: licenses.status });
    if (removed.length === 0) return { ok: false, error: GONE };
    const [row] = removed;
    await recordAudit(tx, {
      actorId: user.id,
      action: "license.withdrawn",
      subjectType: "license",
      subjectId: licenseId,
      details: { providerId, kind: row!.kind, state: row!.state, status: row!.status },
    });
    return { ok: true, message: "License removed." };
  });
}
