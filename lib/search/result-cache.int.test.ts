import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { insuranceCarriers, licenses, providerInsurance, providers } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, type TestUser } from "@/db/testing/fixtures";
import { suspendProvider } from "@/lib/listing/moderation";
import { parseSearchFilters, searchProviders } from "./queries";

// Repeated searches are answered from lib/search/result-cache.ts; these check that nothing a
// patient must not see survives a change, whoever makes it.
const NOW = new Date("2026-11-24T15:00:00Z");

// Both ways a remembered result is confirmed: inside the search statement (pages) and by reading
// the generation first (the JSON API). Each way searches around its own towns.
type Town = { city: string; zip: string; latitude: number; longitude: number };
const town = (city: string, zip: string, latitude: number, longitude: number): Town => ({ city, zip, latitude, longitude });
const WAYS = [
  {
    way: "inside the search statement",
    confirmFirst: false,
    towns: [
      town("Albany", "12207", 42.6526, -73.7562),
      town("Utica", "13501", 43.0871, -75.2315),
      town("Ithaca", "14850", 42.4406, -76.4966),
      town("Elmira", "14901", 42.1008, -76.812),
      town("Binghamton", "13901", 42.1463, -75.8865),
      town("Rome", "13440", 43.2193, -75.4498),
    ],
  },
  {
    way: "by reading the generation first",
    confirmFirst: true,
    towns: [
      town("Syracuse", "13202", 43.041, -76.1489),
      town("Rochester", "14604", 43.1577, -77.608),
      town("Buffalo", "14202", 42.887, -78.8779),
      town("Plattsburgh", "12901", 44.6927, -73.466),
      town("Watertown", "13601", 43.9743, -75.9122),
      town("Poughkeepsie", "12601", 41.7035, -73.9117),
    ],
  },
];
let confirmFirst = false;

async function search(query: string, now = NOW) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${parsed.error.message}`);
  return searchProviders(parsed.filters, { now, confirmFirst });
}

const names = (r: { results: { name: string }[] }) => r.results.map((c) => c.name);

async function generation(): Promise<string> {
  const [row] = await executeRows<{ n: string }>(sql`select n::text as n from search_generation`);
  return row!.n;
}

let admin: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  admin = await createUser("admin");
});

describe.each(WAYS)("confirmed $way", ({ confirmFirst: first, towns }) => {
  const [steady, suspended, rejected, expiring, edited, bare] = towns as [Town, Town, Town, Town, Town, Town];
  const near = (t: Town) => `near=${t.zip}&radiusMi=5`;

  beforeAll(() => {
    confirmFirst = first;
  });

  describe("a repeated search", () => {
    it("is answered with the remembered result while nothing it reads has changed", async () => {
      await createProvider({ name: "Cache Steady", locations: [steady] });
      const first = await search(near(steady));
      const again = await search(near(steady));
      expect(names(first)).toEqual(["Cache Steady"]);
      expect(again).toBe(first);
    });

    it("is not confused with a search that differs only in a filter, the page or the day", async () => {
      const base = await search(near(steady));
      expect(await search(`${near(steady)}&page=2`)).not.toBe(base);
      expect(await search(`${near(steady)}&telehealth=1`)).not.toBe(base);
      // The place as typed only labels the search: the same ZIP is the same search.
      expect(await search(`near=+${steady.zip}+&radiusMi=5`)).toBe(base);
      // Last: the next day recomputes next openings, which moves the generation.
      expect(await search(near(steady), new Date("2026-11-25T15:00:00Z"))).not.toBe(base);
    });
  });

  describe("after a change, the next search", () => {
    it("drops a provider an admin suspends", async () => {
      const { id } = await createProvider({ name: "Cache Suspended", locations: [suspended] });
      expect(names(await search(near(suspended)))).toEqual(["Cache Suspended"]);
      const done = await suspendProvider(admin, { providerId: id, reason: "License under review" }, NOW);
      expect(done.ok).toBe(true);
      expect(await search(near(suspended))).toMatchObject({ results: [], total: 0 });
    });

    it("drops a provider whose state license is rejected", async () => {
      const { id } = await createProvider({ name: "Cache Rejected", locations: [rejected] });
      expect(names(await search(near(rejected)))).toEqual(["Cache Rejected"]);
      const db = await getDb();
      await db.update(licenses).set({ status: "rejected", rejectionReason: "No record" }).where(eq(licenses.providerId, id));
      expect(names(await search(near(rejected)))).toEqual([]);
    });

    it("drops a license on the day after it expires", async () => {
      await createProvider({
        name: "Cache Expiring",
        locations: [expiring],
        licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2026-11-24" })],
      });
      expect(names(await search(near(expiring)))).toEqual(["Cache Expiring"]);
      expect(names(await search(near(expiring), new Date("2026-11-25T00:30:00Z")))).toEqual([]);
    });

    it("shows what a card shows as it is now: photo, credentials and insurance", async () => {
      const { id } = await createProvider({ name: "Cache Edited", locations: [edited] });
      const before = (await search(near(edited))).results[0]!;
      expect(before).toMatchObject({ credentials: "MD", photoUrl: null, insurance: [] });
      const db = await getDb();
      await db.update(providers).set({ credentials: "DO", photoUrl: "/photos/edited.jpg" }).where(eq(providers.id, id));
      const [aetna] = await db.select({ id: insuranceCarriers.id }).from(insuranceCarriers).where(eq(insuranceCarriers.slug, "aetna"));
      await db.insert(providerInsurance).values({ providerId: id, carrierId: aetna!.id });
      const after = (await search(near(edited))).results[0]!;
      expect(after).toMatchObject({ credentials: "DO", photoUrl: "/photos/edited.jpg", insurance: ["aetna"] });
    });

    it("is correct when the generation row is gone, and remembers nothing then", async () => {
      await createProvider({ name: "Cache No Generation", locations: [bare] });
      const db = await getDb();
      await db.execute(sql`delete from search_generation`);
      try {
        const first = await search(near(bare));
        const again = await search(near(bare));
        expect(names(first)).toEqual(["Cache No Generation"]);
        expect(again).toEqual(first);
        expect(again).not.toBe(first);
      } finally {
        await db.execute(sql`insert into search_generation default values`);
      }
    });
  });
});

describe("the search generation", () => {
  it("moves once per committed transaction, however many statements it runs, and not for a rolled-back one", async () => {
    const { id } = await createProvider({ name: "Cache Generation" });
    const db = await getDb();
    const before = BigInt(await generation());
    await db.transaction(async (tx) => {
      await tx.update(providers).set({ bio: "One" }).where(eq(providers.id, id));
      await tx.update(providers).set({ bio: "Two" }).where(eq(providers.id, id));
      await tx.update(licenses).set({ sourceNote: "Checked again" }).where(eq(licenses.providerId, id));
    });
    expect(BigInt(await generation())).toBe(before + 1n);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(providers).set({ bio: "Never" }).where(eq(providers.id, id));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(BigInt(await generation())).toBe(before + 1n);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a change made by another process", () => {
  it("reaches this process's next search, whichever way it confirms", async () => {
    const { id } = await createProvider({ name: "Cache Elsewhere", locations: [town("Oswego", "13126", 43.4394, -76.4613)] });
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      for (const { confirmFirst: first } of WAYS) {
        confirmFirst = first;
        const before = await search("near=13126&radiusMi=5");
        expect(await search("near=13126&radiusMi=5")).toBe(before);
        const suspended = before.results.length > 0;
        await other.query("update providers set suspended_at = $2 where id = $1", [id, suspended ? new Date() : null]);
        expect(names(await search("near=13126&radiusMi=5"))).toEqual(suspended ? [] : ["Cache Elsewhere"]);
      }
    } finally {
      await other.end();
    }
  });
});
