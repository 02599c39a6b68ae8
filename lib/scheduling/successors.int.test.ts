import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { nextOpenings, searchEntries, searchGeneration, timeOff } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { searchFor } from "@/db/testing/search";
import { boundingBox } from "@/lib/geo/distance";
import { lookupPlace } from "@/lib/geo/places";
import { trustDate } from "@/lib/licensing/trust";
import { parseSearchFilters } from "@/lib/search/queries";
import { recentSearch, searchKey } from "@/lib/search/result-cache";
import { createBooking } from "@/lib/booking/queries";
import { keepNextOpeningsAhead, prepareSuccessors, refreshNextOpenings, refreshStaleNextOpenings } from "./next-openings";
import { computeOpenings, promoteSuccessors, storeOpenings } from "./opening-rows";
import { getNextAvailable } from "./queries";

// The cron computes the value a next opening takes when the clock reaches its stale_at; a read
// after that instant shows it without the slot function or any write, and only while no write
// came between; the next cron swaps it in.

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

/** The search generation, which every change to what a search reads moves. */
async function generation() {
  const db = await getDb();
  return (await db.select({ n: searchGeneration.n }).from(searchGeneration))[0]!.n;
}

/** Whether the provider's row is stale by the clock at NOW. */
async function isStale(providerId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.$count(nextOpenings, and(eq(nextOpenings.providerId, providerId), lte(nextOpenings.staleAt, NOW)))) > 0;
}

async function makeStale(...providers: Listed[]): Promise<void> {
  const db = await getDb();
  await db.update(nextOpenings).set({ staleAt: sql`'-infinity'` }).where(inArray(nextOpenings.providerId, providers.map((p) => p.id)));
}

async function listed(name: string, location = ROME): Promise<Listed> {
  const provider = await createProvider({ name, locations: [location] });
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

  it("is left for a later cron when the cron's earlier steps spent its run, as are stale rows", async () => {
    const provider = await listed("Successor Out Of Time");
    const stale = await listed("Stale Out Of Time");
    await makeStale(stale);
    const cronAt = new Date(SWAP.getTime() - 30 * 60 * 1000);
    expect(await keepNextOpeningsAhead(cronAt, { stopBy: performance.now() })).toEqual({ successorsSwapped: 0, recomputed: 0, successorsPrepared: 0 });
    expect((await row(provider.id)).successorFrom).toBeNull();
    expect(await isStale(stale.id)).toBe(true);
    const run = await keepNextOpeningsAhead(cronAt);
    expect(run.successorsPrepared).toBeGreaterThanOrEqual(1);
    expect(run.recomputed).toBeGreaterThanOrEqual(1);
    expect((await row(provider.id)).successorFrom).toEqual(SWAP);
    expect(await row(stale.id)).toMatchObject({ computedAt: cronAt });
  });

  it("becomes the value a read shows once the clock gets there, with nothing computed or written", async () => {
    const provider = await listed("Successor Swapped");
    await prepareSuccessors(await getDb(), NOW, { leadMs: THREE_HOURS });
    // Before its time the current value holds.
    expect(await cardAt(provider, new Date(SWAP.getTime() - 1))).toBe("2026-12-02T14:00:00.000Z");
    const before = await generation();
    expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T14:30:00.000Z");
    expect(await generation()).toBe(before);
    expect(await row(provider.id)).toMatchObject({ startsAt: new Date("2026-12-02T14:00:00Z"), successorFrom: SWAP, onEntries: ["2026-12-02T14:00:00.000Z"] });
    // The cron swaps it in, as of the swap, not recomputed at its own instant.
    expect((await keepNextOpeningsAhead(AFTER_SWAP)).successorsSwapped).toBeGreaterThanOrEqual(1);
    expect(await row(provider.id)).toMatchObject({ computedAt: SWAP, staleAt: new Date("2026-12-01T14:30:00.001Z"), onEntries: ["2026-12-02T14:30:00.000Z"] });
    expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T14:30:00.000Z");
  });

  it("is swapped a bounded batch per statement, the rest by the next", async () => {
    const providers = [await listed("Successor Batch A"), await listed("Successor Batch B"), await listed("Successor Batch C")];
    const db = await getDb();
    await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS });
    const ids = providers.map((p) => p.id);
    const due = () => db.$count(nextOpenings, and(inArray(nextOpenings.providerId, ids), eq(nextOpenings.successorFrom, nextOpenings.staleAt)));
    expect(await due()).toBe(3);
    const scope = sql`select id from providers where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;
    expect(await db.transaction((tx) => promoteSuccessors(tx, AFTER_SWAP, scope, 2))).toBe(2);
    expect(await due()).toBe(1);
    expect(await db.transaction((tx) => promoteSuccessors(tx, AFTER_SWAP, scope, 2))).toBe(1);
    expect(await due()).toBe(0);
    for (const provider of providers) expect((await row(provider.id)).onEntries).toEqual(["2026-12-02T14:30:00.000Z"]);
  });

  it("with nothing to swap, leaves cached searches alone", async () => {
    const db = await getDb();
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

describe("a successor the clock reached", () => {
  // Two providers only this describe's searches find (TMJ, in Manhattan), with one time booked
  // each: until 14:00 Successor First's 9:00 is the soonest; from then its successor is 10:00,
  // after Successor Second's 9:30, which holds until 14:30.
  const query = (rest: string) => `condition=tmj-jaw-pain&${rest}`;
  const BEFORE = new Date(SWAP.getTime() - 1);
  let first: Listed;
  let second: Listed;

  beforeAll(async () => {
    const booker = await createUser("patient");
    const booked = async (name: string, start: string) => {
      const provider = await createProvider({ name, conditions: [{ slug: "tmj-jaw-pain" }] });
      const booking = await createBooking(
        booker,
        { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake: validIntake() },
        NOW,
      );
      expect(booking).toMatchObject({ ok: true });
      return provider;
    };
    first = await booked("Successor First", "2026-12-02T14:30:00.000Z");
    second = await booked("Successor Second", "2026-12-02T14:00:00.000Z");
    await prepareSuccessors(await getDb(), NOW, { leadMs: THREE_HOURS });
    expect((await row(first.id)).successorStartsAt).toEqual(new Date("2026-12-02T15:00:00Z"));
  });

  const slugs = async (rest: string, now: Date) => (await searchFor(query(rest), { now, confirmFirst: true })).results.map((c) => c.slug);

  it("orders the soonest sort, near a place and anywhere", async () => {
    for (const rest of ["near=10016&radiusMi=5&sort=soonest", "sort=soonest"]) {
      expect(await slugs(rest, BEFORE)).toEqual([first.slug, second.slug]);
      expect(await slugs(rest, AFTER_SWAP)).toEqual([second.slug, first.slug]);
    }
    const card = (await searchFor(query("sort=fee"), { now: AFTER_SWAP })).results.find((c) => c.slug === first.slug);
    expect(card?.nextAvailable).toBe("2026-12-02T15:00:00.000Z");
  });

  it("is what the within-days filter reads, in every kind of search", async () => {
    const db = await getDb();
    // A successor a week and more away, written straight to the row, as no schedule here gives.
    await db.update(nextOpenings).set({ successorStartsAt: new Date("2026-12-20T15:00:00Z") }).where(eq(nextOpenings.providerId, first.id));
    try {
      for (const rest of ["near=10016&radiusMi=5&sort=soonest", "sort=soonest", "sort=match", "near=10016&radiusMi=5&sort=distance"]) {
        expect(await slugs(`${rest}&availableWithinDays=7`, BEFORE)).toEqual([first.slug, second.slug]);
        expect(await slugs(`${rest}&availableWithinDays=7`, AFTER_SWAP)).toEqual([second.slug]);
      }
    } finally {
      await refreshNextOpenings(db, [first.id], NOW);
      await prepareSuccessors(db, NOW, { leadMs: THREE_HOURS });
    }
  });

  it("retires a remembered answer it changes, and no answer that shows it is remembered", async () => {
    for (const confirmFirst of [true, false]) {
      for (const rest of ["near=10016&radiusMi=5&sort=soonest", "near=10016&radiusMi=5&sort=distance", "sort=soonest"]) {
        const remembered = await searchFor(query(rest), { now: BEFORE, confirmFirst });
        expect(await searchFor(query(rest), { now: BEFORE, confirmFirst })).toBe(remembered);
        const after = await searchFor(query(rest), { now: AFTER_SWAP, confirmFirst });
        expect(after).not.toBe(remembered);
        expect(after.results.find((c) => c.slug === first.slug)?.nextAvailable).toBe("2026-12-02T15:00:00.000Z");
        expect(await searchFor(query(rest), { now: AFTER_SWAP, confirmFirst })).not.toBe(after);
      }
    }
  });
});

describe("a stale row a search near a place cannot show", () => {
  it("is left for a search that can: near a place only that place's providers are recomputed", async () => {
    const db = await getDb();
    const here = await listed("Stale Here");
    const far = await createProvider({ name: "Stale Far" });
    await refreshNextOpenings(db, [far.id], NOW);
    await makeStale(here, far);
    expect(await cardAt(here, NOW)).toBe("2026-12-02T14:00:00.000Z");
    expect([await isStale(here.id), await isStale(far.id)]).toEqual([false, true]);
    // Nor does it keep the search from its remembered answer.
    const query = "near=13440&radiusMi=5&sort=soonest";
    const remembered = await searchFor(query, { now: NOW, confirmFirst: true });
    expect(await searchFor(query, { now: NOW, confirmFirst: true })).toBe(remembered);
    expect(await isStale(far.id)).toBe(true);
    // Without a place the soonest order reaches every provider, so every stale row is recomputed.
    await searchFor("sort=soonest", { now: NOW, confirmFirst: true });
    expect(await isStale(far.id)).toBe(false);
  });
});

describe("a stale row a search not sorted by next openings cannot show", () => {
  it("is left for a search that can: a page sorted otherwise recomputes only its own rows, and waits only on them", async () => {
    const place = lookupPlace("13440");
    if (!place.ok) throw new Error("the test's ZIP code is gone");
    const box = boundingBox(place.place, 5);
    // Inside the 5-mile box around the ZIP code, 6 miles from its centre: outside the radius.
    const corner = await listed("Stale Corner", {
      ...ROME,
      latitude: place.place.latitude + 0.9 * (box.maxLat - place.place.latitude),
      longitude: place.place.longitude + 0.9 * (box.maxLng - place.place.longitude),
    });
    // First by name among the file's providers, all at one place: on the first page by distance.
    const shown = await listed("Aaa Stale Shown");
    await makeStale(shown, corner);
    const query = "near=13440&radiusMi=5&sort=distance";
    const first = await searchFor(query, { now: NOW, confirmFirst: true });
    expect(first.results.find((c) => c.slug === shown.slug)?.nextAvailable).toBe("2026-12-02T14:00:00.000Z");
    expect(first.results.some((c) => c.slug === corner.slug)).toBe(false);
    expect([await isStale(shown.id), await isStale(corner.id)]).toEqual([false, true]);
    for (const confirmFirst of [true, false]) {
      const remembered = await searchFor(query, { now: NOW, confirmFirst });
      expect(await searchFor(query, { now: NOW, confirmFirst })).toBe(remembered);
      expect(await isStale(corner.id)).toBe(true);
      // One of its own cards gone stale: it is answered afresh, and the row made fresh.
      await makeStale(shown);
      expect(await searchFor(query, { now: NOW, confirmFirst })).not.toBe(remembered);
      expect(await isStale(shown.id)).toBe(false);
    }
    // Sorted by soonest, a search near a place takes every stale row of its box.
    await searchFor("near=13440&radiusMi=5&sort=soonest", { now: NOW, confirmFirst: true });
    expect(await isStale(corner.id)).toBe(false);
  });
});

// PGlite has one connection: two swaps at once (a slow cron overlapping the next) can only be
// tried on a server.
describe.skipIf(!process.env.DATABASE_URL)("swapped by two crons at once on a server", () => {
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
    // Each row once: the second swap waits for the first's locks, then finds it swapped.
    expect(a + b).toBe(due);
    for (const provider of providers) expect(await cardAt(provider, AFTER_SWAP)).toBe("2026-12-02T14:30:00.000Z");
  });
});

// The same rows stored by several readers at once, as four pages of one search ask together.
describe.skipIf(!process.env.DATABASE_URL)("recomputed by several readers at once on a server", () => {
  it("stores them with no reader failing on a deadlock, whatever order each computed them in", async () => {
    const providers = [];
    for (let i = 0; i < 40; i++) providers.push(await listed(`Recompute Race ${String(i).padStart(2, "0")}`));
    const db = await getDb();
    const computed = await computeOpenings(sql`p.id in (${sql.join(providers.map((p) => sql`${p.id}::uuid`), sql`, `)})`, db, NOW);
    // Each reader's rows in an order of its own, as their schedules came back to it, stored again
    // and again: every update moves the rows' tuples, so readers starting at different moments
    // also scan them in different orders.
    const reader = async (seed: number) => {
      const order = [...computed].sort((a, b) => hash(a.providerId, seed) - hash(b.providerId, seed));
      for (let round = 0; round < 10; round++) await db.transaction((tx) => storeOpenings(tx, order, NOW));
    };
    await Promise.all([1, 2, 3, 4, 5, 6].map(reader));
    for (const provider of providers.slice(0, 3)) expect(await cardAt(provider, NOW)).toBe("2026-12-02T14:00:00.000Z");
  });
});

/** A stable shuffle key. */
function hash(id: string, seed: number): number {
  let h = seed * 2654435761;
  for (const char of id) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
}

describe.skipIf(!process.env.DATABASE_URL)("recomputed by a reader that meets a write's locks on a server", () => {
  it("gives up its wait before a write waiting on it can be ended for a deadlock, and leaves the rows stale", async () => {
    const pair = [await listed("Deadlock First"), await listed("Deadlock Second")].sort((a, b) => (a.id < b.id ? -1 : 1));
    const [first, second] = pair as [Listed, Listed];
    const db = await getDb();
    const ids = [first.id, second.id];
    const staleNow = () => db.$count(nextOpenings, and(inArray(nextOpenings.providerId, ids), lte(nextOpenings.staleAt, NOW)));
    // Stale and wrong, so the recomputation changes them and copies them to the entries, whose
    // statement moves the search generation.
    await db.update(nextOpenings).set({ staleAt: sql`'-infinity'`, startsAt: null }).where(inArray(nextOpenings.providerId, ids));
    const [holdSecond, holdGeneration, writeGoesOn, release] = [gate(), gate(), gate(), gate()];
    // Another transaction holds the second row for a moment; the write holds the generation.
    const other = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from next_openings where provider_id = ${second.id} for update`);
      holdSecond.open();
      await release.opened;
    });
    const write = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from search_generation for update`);
      holdGeneration.open();
      await writeGoesOn.opened;
      await tx.execute(sql`select 1 from next_openings where provider_id = ${first.id} for update`);
      return "committed";
    });
    await holdSecond.opened;
    await holdGeneration.opened;
    // The read locks the first row, then waits for the second.
    const read = refreshStaleNextOpenings(db, NOW);
    await until(async () => (await waitingOnLocks()) >= 1);
    // The write now waits for the first row, before the read waits for the write's generation:
    // left to Postgres, the write, which waited first, would be the one ended.
    writeGoesOn.open();
    await until(async () => (await waitingOnLocks()) >= 2);
    release.open();
    await other;
    await expect(write).resolves.toBe("committed");
    await expect(read).resolves.toBe(0);
    expect(await staleNow()).toBe(2);
    await refreshStaleNextOpenings(db, NOW);
    expect(await staleNow()).toBe(0);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a stale row a search cannot store on a server", () => {
  it("still shows the slot function's opening, and the answer is not remembered", async () => {
    const held = await listed("Aab Held Row");
    const db = await getDb();
    // Stale and wrong on the row and on the entries the search reads.
    const wrong = new Date("2026-12-09T14:00:00Z");
    await db.update(nextOpenings).set({ staleAt: sql`'-infinity'`, startsAt: wrong }).where(eq(nextOpenings.providerId, held.id));
    await db.update(searchEntries).set({ nextAvailable: wrong }).where(eq(searchEntries.providerId, held.id));
    const [holding, release] = [gate(), gate()];
    // Another transaction holds the row past every retry's lock timeout.
    const other = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from next_openings where provider_id = ${held.id} for update`);
      holding.open();
      await release.opened;
    });
    await holding.opened;
    try {
      const query = "near=13440&radiusMi=5&sort=distance";
      const first = await searchFor(query, { now: NOW, confirmFirst: true });
      expect(first.results.find((c) => c.slug === held.slug)?.nextAvailable).toBe("2026-12-02T14:00:00.000Z");
      expect(await isStale(held.id)).toBe(true);
      const parsed = await parseSearchFilters(new URLSearchParams(query));
      expect(parsed.ok && recentSearch(searchKey(parsed.filters, trustDate(NOW)))?.response).not.toBe(first);
    } finally {
      release.open();
      await other;
    }
    await refreshStaleNextOpenings(db, NOW);
    expect(await row(held.id)).toMatchObject({ startsAt: new Date("2026-12-02T14:00:00Z"), onEntries: ["2026-12-02T14:00:00.000Z"] });
  });
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function waitingOnLocks(): Promise<number> {
  const db = await getDb();
  // This file's database only: the other files' tests run at the same time on the same server.
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    db,
  );
  return row?.n ?? 0;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("never happened");
}
