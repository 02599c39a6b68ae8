import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, licenses } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, stateLicense } from "@/db/testing/fixtures";
import { approveLicense, rejectLicense } from "@/lib/licensing/review";
import { reinstateProvider, suspendProvider } from "@/lib/listing/moderation";
import { queueLicenseExpiryNotices } from "./provider-emails";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysLater = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

beforeAll(async () => {
  await seedReferenceData();
});

async function providerWith(licenseOverrides: Parameters<typeof stateLicense>[1] = {}) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ provider: { userId: providerUser.id }, licenses: [stateLicense("NY", { number: `NY-${Math.random()}`, ...licenseOverrides })] });
  const db = await getDb();
  const [license] = await db.select().from(licenses).where(and(eq(licenses.providerId, provider.id), eq(licenses.kind, "state")));
  return { providerUser, provider, license: license! };
}

async function mailTo(email: string, kind: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, kind)));
}

describe("emails to providers", () => {
  it("tell them a license was approved, or rejected with the reviewer's reason", async () => {
    const admin = await createUser("admin");
    const approved = await providerWith({ status: "pending", verifiedAt: null });
    expect((await approveLicense(admin, { id: approved.license.id, sourceNote: "NY board lookup" }, NOW)).ok).toBe(true);
    const [yes] = await mailTo(approved.providerUser.email, "license_approved");
    expect(yes!.subject).toBe("Your NY state license is verified");
    expect(yes!.bodyHtml).toContain("verified it");

    const rejected = await providerWith({ status: "pending", verifiedAt: null });
    expect((await rejectLicense(admin, { id: rejected.license.id, reason: "The number belongs to someone else" })).ok).toBe(true);
    const [no] = await mailTo(rejected.providerUser.email, "license_rejected");
    expect(no!.bodyText).toContain('The reviewer wrote: "The number belongs to someone else"');
  });

  it("tell them their listing was suspended, with the reason, and reinstated", async () => {
    const admin = await createUser("admin");
    const { providerUser, provider } = await providerWith();
    await suspendProvider(admin, { providerId: provider.id, reason: "Complaint under review" }, NOW);
    await reinstateProvider(admin, { providerId: provider.id }, NOW);
    expect((await mailTo(providerUser.email, "listing_suspended"))[0]!.bodyText).toContain('"Complaint under review"');
    expect(await mailTo(providerUser.email, "listing_reinstated")).toHaveLength(1);
  });
});

describe("license expiry notices (the daily cron)", () => {
  it("go 30 and 7 days ahead, once each however often the cron runs, and start again for a renewal", async () => {
    const { providerUser, license } = await providerWith({ expiresOn: "2026-12-21" }); // 20 days after NOW
    await queueLicenseExpiryNotices(NOW);
    await queueLicenseExpiryNotices(daysLater(1));
    expect((await mailTo(providerUser.email, "license_expiring")).map((m) => m.subject)).toEqual(["Your NY state license expires on 2026-12-21"]);

    await Promise.all([queueLicenseExpiryNotices(daysLater(14)), queueLicenseExpiryNotices(daysLater(14))]);
    await queueLicenseExpiryNotices(daysLater(15));
    const notices = await mailTo(providerUser.email, "license_expiring");
    expect(notices).toHaveLength(2);
    expect(notices.map((m) => m.bodyText).join()).toContain("a week or less");

    // A renewed expiry clears the mark.
    const db = await getDb();
    await db.update(licenses).set({ expiresOn: "2027-01-10", expiryNoticeDays: null }).where(eq(licenses.id, license.id));
    await queueLicenseExpiryNotices(daysLater(15));
    expect(await mailTo(providerUser.email, "license_expiring")).toHaveLength(3);
  });

  it("send only the 7-day notice to a license first seen inside 7 days, and none once it has expired", async () => {
    const late = await providerWith({ expiresOn: "2026-12-05" });
    await queueLicenseExpiryNotices(NOW);
    expect((await mailTo(late.providerUser.email, "license_expiring")).map((m) => m.bodyText.includes("a week or less"))).toEqual([true]);
    const gone = await providerWith({ expiresOn: "2026-11-30" });
    await queueLicenseExpiryNotices(NOW);
    expect(await mailTo(gone.providerUser.email, "license_expiring")).toEqual([]);
  });
});
