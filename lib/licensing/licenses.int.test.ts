import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { licenses } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validNpi, type TestUser } from "@/db/testing/fixtures";
import { getAuditLog } from "@/lib/audit/queries";
import { ForbiddenError } from "@/lib/auth/authorize";
import { reinstateProvider, searchProvidersForAdmin, suspendProvider } from "@/lib/listing/moderation";
import { getOwnChecklist } from "@/lib/listing/queries";
import { getListedProvider } from "@/lib/providers/queries";
import { getOwnLicenses, submitBoardCertification, submitNpi, submitStateLicense, updateStateLicense, withdrawLicense } from "./queries";
import { approveLicense, getExpiringLicenses, getReviewQueue, rejectLicense } from "./review";
import { boardCertificationSchema, npiSchema, stateLicenseSchema } from "./validation";

const today = new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stateInput = (state: string, number: string, expiresOn = daysFromNow(365)) => stateLicenseSchema(today).parse({ state, number, expiresOn });

let admin: TestUser;
beforeAll(async () => {
  await seedReferenceData();
  admin = await createUser("admin");
});

/** A listed provider owned by a new account, with a verified NPI and NY license. */
async function listedProvider(name: string) {
  const user = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: user.id } });
  return { user, provider };
}

async function licenseOf(user: TestUser, kind: "npi" | "state", state?: string) {
  const own = await getOwnLicenses(user);
  return own.find((l) => l.kind === kind && (state === undefined || l.state === state))!;
}

describe("license validation", () => {
  it("rejects an NPI with a wrong check digit at once", () => {
    const good = validNpi();
    const bad = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    expect(npiSchema.safeParse({ number: good }).success).toBe(true);
    expect(npiSchema.safeParse({ number: `${good.slice(0, 3)} ${good.slice(3)}` }).data).toEqual({ number: good });
    expect(npiSchema.safeParse({ number: bad }).error?.issues[0]?.message).toMatch(/check digit does not match/);
    expect(npiSchema.safeParse({ number: "12345" }).error?.issues[0]?.message).toMatch(/exactly 10 digits/);
  });

  it("refuses expired, impossible and far-future expiry dates and unknown states", () => {
    const schema = stateLicenseSchema("2026-11-25");
    expect(schema.safeParse({ state: "NY", number: "1", expiresOn: "2026-11-24" }).error?.issues[0]?.message).toMatch(/has passed/);
    expect(schema.safeParse({ state: "NY", number: "1", expiresOn: "2027-02-30" }).error?.issues[0]?.message).toMatch(/real date/);
    expect(schema.safeParse({ state: "NY", number: "1", expiresOn: "2099-01-01" }).error?.issues[0]?.message).toMatch(/at most 10 years/);
    expect(schema.safeParse({ state: "ZZ", number: "1", expiresOn: "2027-01-01" }).error?.issues[0]?.message).toMatch(/Choose the state/);
    expect(schema.safeParse({ state: "NY", number: "1", expiresOn: "2026-11-25" }).success).toBe(true);
    expect(boardCertificationSchema("2026-11-25").parse({ issuer: "ABPN", number: "x1", expiresOn: "" })).toEqual({ issuer: "ABPN", number: "X1", expiresOn: null });
  });
});

describe("submitting licenses", () => {
  it("starts every license pending and refuses an NPI another listing holds", async () => {
    const { user } = await listedProvider("Npi Holder");
    const taken = (await licenseOf(user, "npi")).number;
    const newcomer = await createUser("provider");
    await createProvider({ name: "Npi Newcomer", provider: { userId: newcomer.id }, licenses: [] });
    expect(await submitNpi(newcomer, { number: taken })).toEqual({ ok: false, fieldErrors: { number: expect.stringMatching(/already on another listing/) } });
    expect(await submitNpi(newcomer, { number: validNpi() })).toMatchObject({ ok: true });
    expect(await submitStateLicense(newcomer, stateInput("NJ", "25MA0001"))).toMatchObject({ ok: true });
    expect(await submitStateLicense(newcomer, stateInput("NJ", "25MA0001"))).toEqual({ ok: false, fieldErrors: { number: expect.stringMatching(/already submitted/) } });
    expect(await submitBoardCertification(newcomer, { issuer: "American Board of Psychiatry and Neurology", number: "55555", expiresOn: null })).toMatchObject({ ok: true });
    expect((await getOwnLicenses(newcomer)).map((l) => [l.kind, l.status])).toEqual([
      ["npi", "pending"],
      ["state", "pending"],
      ["board", "pending"],
    ]);
  });

  it("sends a verified NPI back to review when its number changes, which delists the provider", async () => {
    const { user, provider } = await listedProvider("Npi Changer");
    expect(await getListedProvider(provider.slug)).not.toBeNull();
    expect(await submitNpi(user, { number: (await licenseOf(user, "npi")).number })).toEqual({ ok: true, message: "That NPI is already on file." });
    await submitNpi(user, { number: validNpi() });
    expect(await licenseOf(user, "npi")).toMatchObject({ status: "pending", verifiedAt: null });
    expect(await getListedProvider(provider.slug)).toBeNull();
  });

  it("sends a verified state license back to review when its number, state or expiry changes", async () => {
    const { user, provider } = await listedProvider("License Editor");
    const ny = await licenseOf(user, "state", "NY");
    expect(await updateStateLicense(user, ny.id, stateInput("NY", ny.number, ny.expiresOn!))).toEqual({ ok: true, message: "Nothing changed." });
    expect(await getListedProvider(provider.slug)).not.toBeNull();

    const result = await updateStateLicense(user, ny.id, stateInput("NY", ny.number, daysFromNow(900)));
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/back in review/) });
    expect(await licenseOf(user, "state", "NY")).toMatchObject({ status: "pending", expiresOn: daysFromNow(900) });
    expect(await getListedProvider(provider.slug)).toBeNull();
  });

  it("resubmits a rejected license as pending and keeps other providers' licenses out of reach", async () => {
    const { user } = await listedProvider("Resubmitter");
    await submitStateLicense(user, stateInput("TX", "Q1234"));
    const tx = await licenseOf(user, "state", "TX");
    await rejectLicense(admin, { id: tx.id, reason: "Texas Medical Board has no license Q1234." });
    expect(await licenseOf(user, "state", "TX")).toMatchObject({ status: "rejected", rejectionReason: "Texas Medical Board has no license Q1234." });

    const stranger = await listedProvider("Stranger");
    expect(await updateStateLicense(stranger.user, tx.id, stateInput("TX", "Q9999"))).toEqual({ ok: false, error: expect.stringMatching(/no longer exists/) });
    expect(await withdrawLicense(stranger.user, tx.id)).toEqual({ ok: false, error: expect.stringMatching(/no longer exists/) });

    expect(await updateStateLicense(user, tx.id, stateInput("TX", "Q1235"))).toMatchObject({ ok: true });
    expect(await licenseOf(user, "state", "TX")).toMatchObject({ status: "pending", number: "Q1235", rejectionReason: null });
  });

  it("is for providers only", async () => {
    const patient = await createUser("patient");
    await expect(submitNpi(patient, { number: validNpi() })).rejects.toThrow(ForbiddenError);
    await expect(getOwnLicenses(admin)).rejects.toThrow(ForbiddenError);
  });
});

describe("reviewing licenses", () => {
  it("queues pending licenses oldest first, with the provider's places", async () => {
    const db = await getDb();
    const older = await createProvider({ name: "Queue Older", licenses: [npiLicense({ status: "pending", verifiedAt: null, submittedAt: new Date("2020-01-01T00:00:00Z") })] });
    await createProvider({ name: "Queue Newer", licenses: [npiLicense({ status: "pending", verifiedAt: null, submittedAt: new Date("2020-01-02T00:00:00Z") })] });
    const queue = await getReviewQueue(admin);
    const names = queue.items.map((i) => i.provider.name);
    expect(names.indexOf("Queue Older")).toBeLessThan(names.indexOf("Queue Newer"));
    expect(queue.items.find((i) => i.provider.id === older.id)).toMatchObject({ kind: "npi", places: ["New York, NY"] });
    expect(queue.total).toBe(await db.$count(licenses, eq(licenses.status, "pending")));
  });

  it("records who approved, when and the source; a second review of the same license is refused", async () => {
    const user = await createUser("provider");
    await createProvider({ name: "Review Once", provider: { userId: user.id }, licenses: [npiLicense(), stateLicense("NY", { status: "pending", verifiedAt: null })] });
    const ny = await licenseOf(user, "state", "NY");
    expect(await approveLicense(admin, { id: ny.id, sourceNote: "NY Office of the Professions, active" })).toEqual({ ok: true, message: "License verified." });
    expect(await approveLicense(admin, { id: ny.id, sourceNote: "again" })).toEqual({ ok: false, error: expect.stringMatching(/already reviewed/) });
    expect(await rejectLicense(admin, { id: ny.id, reason: "too late now" })).toEqual({ ok: false, error: expect.stringMatching(/already reviewed/) });
    const db = await getDb();
    const [row] = await db.select().from(licenses).where(eq(licenses.id, ny.id));
    expect(row).toMatchObject({ status: "verified", verifiedBy: admin.id, sourceNote: "NY Office of the Professions, active" });
    const log = await getAuditLog(admin, { action: "license.verified" });
    expect(log.rows[0]).toMatchObject({ subjectId: ny.id, actor: { email: admin.email, role: "admin" }, details: { source: "NY Office of the Professions, active" } });
  });

  it("will not verify a license whose expiry has passed", async () => {
    const user = await createUser("provider");
    await createProvider({ name: "Review Expired", provider: { userId: user.id }, licenses: [stateLicense("NY", { status: "pending", verifiedAt: null, expiresOn: "2026-01-01" })] });
    const ny = await licenseOf(user, "state", "NY");
    expect(await approveLicense(admin, { id: ny.id, sourceNote: "checked" }, new Date("2026-02-01T12:00:00Z"))).toEqual({ ok: false, error: expect.stringMatching(/expired on 2026-01-01/) });
  });

  it("shows the provider the rejection reason in their checklist", async () => {
    const user = await createUser("provider");
    await createProvider({ name: "Review Rejected", provider: { userId: user.id }, licenses: [npiLicense({ status: "pending", verifiedAt: null }), stateLicense("NY")] });
    const npi = await licenseOf(user, "npi");
    await rejectLicense(admin, { id: npi.id, reason: "NPPES lists this NPI under another name." });
    const checklist = await getOwnChecklist(user);
    expect(checklist!.blockers[0]!.message).toBe("Your NPI was rejected: NPPES lists this NPI under another name. Submit a corrected one.");
  });

  it("lists verified licenses that expire within 30 days, soonest first", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    await createProvider({ name: "Expiring Later", licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-12-20" })] });
    await createProvider({ name: "Expiring Soon", licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-11-30" })] });
    await createProvider({ name: "Expiring Far", licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2027-01-30" })] });
    const names = (await getExpiringLicenses(admin, now)).map((l) => l.provider.name);
    expect(names.filter((n) => n.startsWith("Expiring"))).toEqual(["Expiring Soon", "Expiring Later"]);
  });

  it("is for admins only", async () => {
    const { user } = await listedProvider("Self Approver");
    await submitStateLicense(user, stateInput("NJ", "NJ-SELF"));
    const nj = await licenseOf(user, "state", "NJ");
    await expect(approveLicense(user, { id: nj.id, sourceNote: "trust me" })).rejects.toThrow(ForbiddenError);
    await expect(getReviewQueue(user)).rejects.toThrow(ForbiddenError);
    await expect(getAuditLog(user)).rejects.toThrow(ForbiddenError);
    expect(await licenseOf(user, "state", "NJ")).toMatchObject({ status: "pending" });
  });
});

describe("suspension", () => {
  it("takes a provider out of search at once and reinstating lets the trust rule decide again", async () => {
    const { user, provider } = await listedProvider("Suspend Me");
    expect(await suspendProvider(admin, { providerId: provider.id, reason: "Complaint under review" })).toMatchObject({ ok: true });
    expect(await getListedProvider(provider.slug)).toBeNull();
    expect((await getOwnChecklist(user))!.blockers[0]!.message).toMatch(/suspended: Complaint under review/);
    expect(await suspendProvider(admin, { providerId: provider.id, reason: "again" })).toMatchObject({ ok: false });
    const found = await searchProvidersForAdmin(admin, { query: "Suspend Me" });
    expect(found.rows).toMatchObject([{ name: "Suspend Me", listed: false, suspensionReason: "Complaint under review" }]);

    expect(await reinstateProvider(admin, { providerId: provider.id })).toMatchObject({ ok: true });
    expect(await getListedProvider(provider.slug)).not.toBeNull();
    const log = await getAuditLog(admin, { action: "provider." });
    expect(log.rows.slice(0, 2).map((r) => r.action)).toEqual(["provider.reinstated", "provider.suspended"]);
  });

  it("is for admins only", async () => {
    const { user, provider } = await listedProvider("Not Suspendable");
    await expect(suspendProvider(user, { providerId: provider.id, reason: "self" })).rejects.toThrow(ForbiddenError);
    expect(await getListedProvider(provider.slug)).not.toBeNull();
  });
});
