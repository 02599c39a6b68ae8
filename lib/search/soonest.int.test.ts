import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchApi } from "@/app/api/providers/route";
import { getDb } from "@/db/client";
import { timeOff } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake } from "@/db/testing/fixtures";
import { searchFor } from "@/db/testing/search";
import { createBooking } from "@/lib/booking/queries";
import { getNextAvailable } from "@/lib/scheduling/queries";

// Tuesday 1 December 2026, noon UTC (7:00 in New York). Every provider here is in Utica, alone,
// 9:00 to 17:00 on weekdays with the fixtures' 24 h notice unless it says otherwise.
const NOW = new Date("2026-12-01T12:00:00Z");
const UTICA = { city: "Utica", zip: "13501", latitude: 43.0871, longitude: -75.2315 };
const near = "near=13501&radiusMi=5";

const search = (query: string, now = NOW) => searchFor(query, { now, confirmFirst: true });
const names = (r: { results: { name: string }[] }) => r.results.map((c) => c.name);

type Listed = Awaited<ReturnType<typeof createProvider>>;
let soon: Listed;
let closedAWeek: Listed;

beforeAll(async () => {
  await seedReferenceData();
  const db = await getDb();
  // Opens Wednesday the 2nd at 9:00: the first free time after the notice.
  soon = await createProvider({ name: "Soon Wednesday", locations: [UTICA] });
  // Open only on Fridays: the 4th.
  await createProvider({ name: "Later Friday", locations: [UTICA], hours: [{ weekday: 5, startMinute: 540, endMinute: 1020 }] });
  // Away until the 10th: Thursday the 10th at 9:00.
  closedAWeek = await createProvider({ name: "Away A Week", locations: [UTICA] });
  await db.insert(timeOff).values({ providerId: closedAWeek.id, startsAt: new Date("2026-12-01T00:00:00Z"), endsAt: new Date("2026-12-10T05:00:00Z") });
  // Listed, with hours, but a horizon of one day: nothing after the 24 h notice.
  await createProvider({ name: "Never Open", locations: [UTICA], provider: { horizonDays: 1 } });
});

describe("sort=soonest", () => {
  it("orders by the first free consultation, each exactly the slots API's, with no opening last", async () => {
    const result = await search(`${near}&sort=soonest`);
    expect(names(result)).toEqual(["Soon Wednesday", "Later Friday", "Away A Week", "Never Open"]);
    expect(result.results.map((r) => r.nextAvailable)).toEqual([
      "2026-12-02T14:00:00.000Z",
      "2026-12-04T14:00:00.000Z",
      "2026-12-10T14:00:00.000Z",
      null,
    ]);
    for (const card of result.results) expect(card.nextAvailable).toBe((await getNextAvailable(card.slug, NOW))?.start ?? null);
  });

  it("orders the same without a place (the soonest index), nulls last", async () => {
    const all = names(await search("sort=soonest"));
    const ours = all.filter((n) => ["Soon Wednesday", "Later Friday", "Away A Week", "Never Open"].includes(n));
    expect(ours).toEqual(["Soon Wednesday", "Later Friday", "Away A Week", "Never Open"]);
    expect(all.at(-1)).toBe("Never Open");
  });

  it("moves a provider as soon as a booking takes their first time", async () => {
    const taken = await createProvider({ name: "Taken First", locations: [UTICA] });
    const before = await search(`${near}&sort=soonest`);
    expect(before.results.find((r) => r.slug === taken.slug)?.nextAvailable).toBe("2026-12-02T14:00:00.000Z");
    const patient = await createUser("patient");
    const booked = await createBooking(
      patient,
      { providerSlug: taken.slug, appointmentTypeId: taken.typeIds[0]!, locationId: taken.locationIds[0]!, start: "2026-12-02T14:00:00.000Z", telehealth: false, intake: validIntake() },
      NOW,
    );
    expect(booked.ok).toBe(true);
    const after = await search(`${near}&sort=soonest`);
    expect(after.results.find((r) => r.slug === taken.slug)?.nextAvailable).toBe("2026-12-02T14:30:00.000Z");
    // Same time as Soon Wednesday's would sort by name: Taken First is now after it.
    expect(names(after).indexOf("Taken First")).toBeGreaterThan(names(after).indexOf("Soon Wednesday"));
  });

  it("recomputes once the clock passes the stored time, with no write in between", async () => {
    // Wednesday 9:10 New York: the 9:00 slot is gone for everyone; the notice is 24 h, so Thursday 9:30.
    const wednesday = new Date("2026-12-02T14:10:00Z");
    const result = await search(`${near}&sort=soonest`, wednesday);
    const card = result.results.find((r) => r.slug === soon.slug)!;
    expect(card.nextAvailable).toBe((await getNextAvailable(soon.slug, wednesday))?.start);
    expect(card.nextAvailable).toBe("2026-12-03T14:30:00.000Z");
  });
});

describe("availableWithinDays", () => {
  it("keeps only providers whose next opening is within that many days of now", async () => {
    expect(names(await search(`${near}&availableWithinDays=2`))).toEqual(expect.arrayContaining(["Soon Wednesday"]));
    const withinTwo = names(await search(`${near}&availableWithinDays=2&sort=soonest`));
    expect(withinTwo).not.toContain("Later Friday");
    expect(withinTwo).not.toContain("Never Open");
    const withinFive = names(await search(`${near}&availableWithinDays=5&sort=soonest`));
    expect(withinFive).toContain("Later Friday");
    expect(withinFive).not.toContain("Away A Week");
    expect(names(await search(`${near}&availableWithinDays=62&sort=soonest`))).not.toContain("Never Open");
  });

  it("refuses what is not a whole number of days from 1 to 62, on the API with a 400 and a message", async () => {
    for (const value of ["0", "63", "1.5", "-1", "seven", "9".repeat(101)]) {
      const response = await searchApi(new NextRequest(`http://localhost/api/providers?availableWithinDays=${value}`));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(JSON.stringify(body)).toMatch(value.length > 100 ? /too long/ : /whole number of days from 1 to 62/);
    }
    const sorted = await searchApi(new NextRequest("http://localhost/api/providers?sort=soonest&availableWithinDays=7"));
    expect(sorted.status).toBe(200);
    const bad = await searchApi(new NextRequest("http://localhost/api/providers?sort=earliest"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/soonest available/);
  });
});
