import { beforeAll, describe, expect, it } from "vitest";
import { createProvider, npiLicense, seedReferenceData, stateLicense } from "@/db/testing/fixtures";
import { parseSearchFilters, searchProviders } from "./queries";

const NOW = new Date("2026-11-24T15:00:00Z");

async function search(query: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${parsed.error.message}`);
  return searchProviders(parsed.filters, { now: NOW });
}

const names = (r: { results: { name: string }[] }) => r.results.map((c) => c.name);

beforeAll(async () => {
  await seedReferenceData();
});

describe("trust rule", () => {
  beforeAll(async () => {
    await createProvider({ name: "Trust Listed" });
    await createProvider({ name: "Trust Npi Pending", licenses: [npiLicense({ status: "pending", verifiedAt: null }), stateLicense("NY")] });
    await createProvider({ name: "Trust No Npi", licenses: [stateLicense("NY")] });
    await createProvider({ name: "Trust State Pending", licenses: [npiLicense(), stateLicense("NY", { status: "pending", verifiedAt: null })] });
    await createProvider({
      name: "Trust Rejected",
      licenses: [npiLicense(), stateLicense("NY", { status: "rejected", verifiedAt: null, rejectionReason: "No record in NY" })],
    });
    await createProvider({ name: "Trust Expired", licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-11-23" })] });
    await createProvider({ name: "Trust Expires Today", licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-11-24" })] });
    await createProvider({ name: "Trust Wrong State", licenses: [npiLicense(), stateLicense("NJ")] });
    await createProvider({ name: "Trust Draft", provider: { listingStatus: "draft" } });
    await createProvider({ name: "Trust Suspended", provider: { suspendedAt: new Date("2026-11-01T00:00:00Z") } });
    await createProvider({
      name: "Trust Two States",
      milesNorth: 3,
      // NJ location is nearer but unlicensed: only the NY one may be listed.
      locations: [{ state: "NJ", city: "Jersey City", zip: "07302", latitude: 40.7178, longitude: -74.0431 }, { city: "Yonkers", zip: "10701" }],
    });
  });

  it("lists only providers with a verified NPI and a verified, unexpired license in the location's state", async () => {
    const result = await search("near=10016&sort=distance&radiusMi=50");
    expect(names(result).sort()).toEqual(["Trust Expires Today", "Trust Listed", "Trust Two States"]);
    expect(result.total).toBe(3);
    expect(result.results.every((r) => r.verified)).toBe(true);
  });

  it("reports the licensed location, not a nearer unlicensed one", async () => {
    const result = await search("near=10016&sort=distance&radiusMi=50");
    const twoStates = result.results.find((r) => r.name === "Trust Two States")!;
    expect(twoStates.state).toBe("NY");
    expect(twoStates.city).toBe("Yonkers");
    expect(twoStates.distanceMi).toBeCloseTo(3, 0);
  });

  it("drops a license the day after it expires, without any job running", async () => {
    const parsed = await parseSearchFilters(new URLSearchParams("near=10016"));
    if (!parsed.ok) throw new Error("unreachable");
    const tomorrow = await searchProviders(parsed.filters, { now: new Date("2026-11-25T01:00:00Z") });
    expect(names(tomorrow)).not.toContain("Trust Expires Today");
    expect(names(tomorrow)).toContain("Trust Listed");
  });
});
