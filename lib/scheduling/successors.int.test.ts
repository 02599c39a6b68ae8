import { and, eq, gt, lte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { nextOpenings, searchEntries, searchGeneration, timeOff } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { searchFor } from "@/db/testing/search";
import { createBooking } from "@/lib/booking/queries";
import { prepareSuccessors, refreshNextOpenings } from "./next-openings";
import { promoteSuccessors } from "./opening-rows";
import { getNextAvailable } from "./queries";

// The cron computes the value a next opening takes when the clock reaches its stale_at; a read
// after that instant swaps it in without the slot function, and only while no write came between.

// Tuesday 1 December 2026, noon UTC. The fixtures open 9:00 to 17:00 New York time on weekdays
// with 24 hours' notice, half-hour consultations: the first free time is Wednesday 9:00 (14:00
// UTC), until the clock reaches Tuesday 14:00, when 9:30 takes its place.
const NOW = new Date("2026-12-01T12:00:00Z");
const SWAP = new Date("2026-12-01T14:00:00.001Z");
const AFTER_SWAP = new Date("2026-12-01T14:10:00Z");
const ROME = { city: "Rome", zip: "13440", latitude: 43.2193, longitude: -75.4498 };
const THREE_HOURS = 3 * 60 * 60 * 1000;

type Listed = Awaited<ReturnType<typeof createProvider>>;

async function row(providerId: string) {
  const db = await getDb();
  const [stored] = await db.select().from(nextOpenings).where(eq(nextOpenings.providerId, providerId));
  const entries = await db.selectDistinct({ at: searchEntries.nextAvailable }).from(searchEntries).where(eq(searchEntries.providerId, providerId));
  return { ...stored!, onEntries: entries.map((e) => e.at?.toISOString() ?? null) };
}

async function listed(name: string): Promise<Listed> {
  const provider = await createProvider({ name, locations: [ROME] });
  await refreshNextOpenings(await getDb(), [provider.id], NOW);
  return provider;
}

/** The card a search at `now` shows, which must be the slot function's first slot then. */
async function cardAt(provider: Listed, now: Date) {
  const card = (await searchFor("near=13440&radiusMi=5&sort=soonest", { now, confirmFirst: true })).results.find((c) => c.slug === provider.slug);
  expect(card?.nextAvailable).toBe((await getNextAvailable(provider.slug, now))?.start ?? null);
  return card!.nextAvailable;
}

let patient: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  patient = await createUser("patient");
});

describe("a next opening's successor", () => {
  it("is computed for a row going stale within the lead, as of its stale_at", async () => {
    const provider = await listed("Successor Ahead");
    const db = await getDb();
    // Two hours ahead: outside an hour's lead, inside three.
    await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS / 3 });
    expect((await row(provider.id)).successorFrom).toBeNull();
    expect(await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS })).toBeGreaterThanOrEqual(1);
    expect(await row(provider.id)).toMatchObject({
      startsAt: new Date("2026-12-02T14:00:00Z"),
      staleAt: SWAP,
      successorFrom: SWAP,
      successorStartsAt: new Date("2026-12-02T14:30:00Z"),
      successorStaleAt: new Date("2026-12-01T14:30:00.001Z"),
    });
  });

  it("becomes the value a read shows once the clock gets there, with no slot computed", async () => {
    const provider = await listed("Successor Swapped");
    await prepareSuccessors(await getDb(), NOW, { leadMs: THREE_HOURS });
    // Before its time the current value holds.
    expect(await cardAt(provider, new Date(SWAP.getTime() - 1))).toBe("2026-12-02T14:00:00.000Z");
    expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T14:30:00.000Z");
    // Computed as of the swap, not recomputed at the read's instant.
    expect(await row(provider.id)).toMatchObject({ computedAt: SWAP, successorFrom: null, onEntries: ["2026-12-02T14:30:00.000Z"] });
  });

  it("with nothing to swap, leaves cached searches alone", async () => {
    const db = await getDb();
    const generation = async () => (await db.select({ n: searchGeneration.n }).from(searchGeneration))[0]!.n;
    const before = await generation();
    // Nothing is due at noon: the swap changes no entry, so the search generation stays.
    expect(await promoteSuccessors(db, NOW)).toBe(0);
    expect(await generation()).toBe(before);
  });

  it("is not used once the clock has passed it too", async () => {
    const provider = await listed("Successor Passed");
    await prepareSuccessors(await getDb(), NOW, { leadMs: THREE_HOURS });
    const later = new Date("2026-12-01T14:40:00Z");
    expect(await cardAt(provider, later)).toBe("2026-12-02T15:00:00.000Z");
    expect(await row(provider.id)).toMatchObject({ computedAt: later });
  });

  it("is dropped by a booking made after it was computed", async () => {
    const provider = await listed("Successor Booked");
    await prepareSuccessors(await getDb(), NOW, { leadMs: THREE_HOURS });
    const booked = await createBooking(
      patient,
      { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start: "2026-12-02T14:30:00.000Z", telehealth: false, intake: validIntake() },
      NOW,
    );
    expect(booked).toMatchObject({ ok: true });
    expect(await row(provider.id)).toMatchObject({ successorFrom: null });
    // The successor would have shown the time just booked.
    expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T15:00:00.000Z");
  });

  it("is not used after a write straight to the tables marked the row stale", async () => {
    const provider = await listed("Successor Away");
    const db = await getDb();
    await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS });
    await db.insert(timeOff).values({ providerId: provider.id, locationId: null, startsAt: new Date("2026-12-02T05:00:00Z"), endsAt: new Date("2026-12-03T05:00:00Z") });
    expect(await promoteSuccessors(db, AFTER_SWAP)).toBe(0);
    expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-03T14:00:00.000Z");
    expect(await row(provider.id)).toMatchObject({ computedAt: AFTER_SWAP });
  });
});

// PGlite has one connection: two readers swapping at once can only be tried on a server.
describe.skipIf(!process.env.DATABASE_URL)("swapped by two readers at once on a server", () => {
  it("swaps each row once, and neither waits on a deadlock", async () => {
    const providers = [];
    for (let i = 0; i < 6; i++) providers.push(await listed(`Successor Race ${i}`));
    const db = await getDb();
    await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS });
    const due = await db.$count(
      nextOpenings,
      and(lte(nextOpenings.staleAt, AFTER_SWAP), eq(nextOpenings.successorFrom, nextOpenings.staleAt), gt(nextOpenings.successorStaleAt, AFTER_SWAP)),
    );
    expect(due).toBeGreaterThanOrEqual(providers.length);
    const [a, b] = await Promise.all([promoteSuccessors(db, AFTER_SWAP), promoteSuccessors(db, AFTER_SWAP)]);
    // Each row once: the second reader waits for the first's locks, then finds it swapped.
    expect(a + b).toBe(due);
    for (const provider of providers) expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T14:30:00.000Z");
  });
});
