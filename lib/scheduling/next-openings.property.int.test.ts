import { and, eq, gt, inArray, min, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, nextOpenings, timeOff, weeklyHours } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validIntake, type TestUser } from "@/db/testing/fixtures";
import { searchFor } from "@/db/testing/search";
import { createBooking } from "@/lib/booking/queries";
import { prepareSuccessors } from "./next-openings";
import { getAvailability, getNextAvailable } from "./queries";

// After any sequence of bookings, cancellations, weekly-hours and time-off changes, the cron
// computing successors, and the clock moving on, the next opening every read shows (a search
// card, and the stored row the search sorted by) is exactly the first slot the slot function gives at that instant. The writes go
// straight to the tables as well as through createBooking, so the triggers, not the app's own
// calls, are what keeps it right.

const START = new Date("2026-12-01T12:00:00Z");
const ROME = { city: "Rome", zip: "13440", latitude: 43.2193, longitude: -75.4498 };
const CHICAGO = { city: "Chicago", state: "IL", zip: "60601", latitude: 41.8864, longitude: -87.6186, timeZone: "America/Chicago" };
const HOUR = 3_600_000;

type Listed = Awaited<ReturnType<typeof createProvider>>;

const step = fc.oneof(
  fc.record({ kind: fc.constant("book" as const), provider: fc.nat(2), pick: fc.nat(40) }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(10) }),
  fc.record({
    kind: fc.constant("hours" as const),
    provider: fc.nat(2),
    location: fc.nat(1),
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    startHour: fc.integer({ min: 6, max: 12 }),
    length: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ kind: fc.constant("timeOff" as const), provider: fc.nat(2), fromHours: fc.integer({ min: -24, max: 120 }), hours: fc.integer({ min: 1, max: 96 }), everywhere: fc.boolean() }),
  fc.record({ kind: fc.constant("clearTimeOff" as const), provider: fc.nat(2) }),
  // The cron computing successors up to some hours ahead; then the clock moving, by minutes or days.
  { arbitrary: fc.record({ kind: fc.constant("cron" as const), leadHours: fc.integer({ min: 1, max: 30 }) }), weight: 3 },
  fc.record({ kind: fc.constant("clock" as const), minutes: fc.integer({ min: 1, max: 3600 }) }),
  // Just past the instant the soonest of the providers' values goes stale, where a successor applies.
  { arbitrary: fc.record({ kind: fc.constant("toStale" as const), minutes: fc.integer({ min: 0, max: 40 }) }), weight: 3 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

let patients: TestUser[];

beforeAll(async () => {
  await seedReferenceData();
  patients = [];
  for (let i = 0; i < 4; i++) patients.push(await createUser("patient"));
});

async function world(): Promise<Listed[]> {
  const ny = () => [npiLicense(), stateLicense("NY"), stateLicense("IL")];
  return [
    await createProvider({ name: "Prop One", locations: [ROME], licenses: ny() }),
    // Two locations in two zones: the first opening may be at either.
    await createProvider({ name: "Prop Two", locations: [ROME, CHICAGO], licenses: ny() }),
    await createProvider({ name: "Prop Three", locations: [ROME], licenses: ny(), provider: { minNoticeMinutes: 120, horizonDays: 5 } }),
  ];
}

async function apply(s: Step, providers: Listed[], now: Date, booked: string[]): Promise<Date> {
  const db = await getDb();
  switch (s.kind) {
    case "book": {
      const provider = providers[s.provider]!;
      const free = await getAvailability(provider.slug, { from: now.toISOString().slice(0, 10), to: new Date(now.getTime() + 10 * 24 * HOUR).toISOString().slice(0, 10), type: provider.typeIds[0]! }, now);
      if (!free.ok || free.slots.length === 0) return now;
      // Mostly the first free time: the one the stored value must move off.
      const slot = free.slots[s.pick % 3 === 0 ? 0 : s.pick % free.slots.length]!;
      const result = await createBooking(
        patients[s.pick % patients.length]!,
        { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: slot.locationId, start: slot.start, telehealth: false, intake: validIntake() },
        now,
      );
      if (result.ok) booked.push(result.id);
      return now;
    }
    case "cancel": {
      const id = booked.splice(s.pick % Math.max(1, booked.length), 1)[0];
      if (id) await db.update(bookings).set({ status: "cancelled", cancelledBy: "patient" }).where(eq(bookings.id, id));
      return now;
    }
    case "hours": {
      const locationId = providers[s.provider]!.locationIds[s.location % providers[s.provider]!.locationIds.length]!;
      await db.transaction(async (tx) => {
        await tx.delete(weeklyHours).where(eq(weeklyHours.locationId, locationId));
        const rows = s.days.map((weekday) => ({ locationId, weekday, startMinute: s.startHour * 60, endMinute: Math.min(24 * 60, (s.startHour + s.length) * 60) }));
        if (rows.length > 0) await tx.insert(weeklyHours).values(rows);
      });
      return now;
    }
    case "timeOff": {
      const provider = providers[s.provider]!;
      const startsAt = new Date(now.getTime() + s.fromHours * HOUR);
      await db.insert(timeOff).values({
        providerId: provider.id,
        locationId: s.everywhere ? null : provider.locationIds[0]!,
        startsAt,
        endsAt: new Date(startsAt.getTime() + s.hours * HOUR),
      });
      return now;
    }
    case "clearTimeOff":
      await db.delete(timeOff).where(eq(timeOff.providerId, providers[s.provider]!.id));
      return now;
    case "cron":
      await prepareSuccessors(db, now, { leadMs: s.leadHours * HOUR });
      return now;
    case "clock":
      return new Date(now.getTime() + s.minutes * 60_000);
    case "toStale": {
      const [soonest] = await db
        .select({ at: min(nextOpenings.staleAt) })
        .from(nextOpenings)
        .where(and(inArray(nextOpenings.providerId, providers.map((p) => p.id)), gt(nextOpenings.staleAt, now)));
      // 'infinity' (only a write can change it) arrives as an invalid date.
      return soonest?.at && Number.isFinite(soonest.at.getTime()) ? new Date(soonest.at.getTime() + s.minutes * 60_000) : now;
    }
  }
}

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

async function expectExact(providers: Listed[], now: Date) {
  const cards = (await searchFor("near=13440&radiusMi=5&sort=soonest", { now, confirmFirst: true })).results;
  const db = await getDb();
  const stored = await db
    .select({
      providerId: nextOpenings.providerId,
      startsAt: nextOpenings.startsAt,
      successorStartsAt: nextOpenings.successorStartsAt,
      fresh: sql<boolean>`not (${nextOpenings.staleAt} <= ${at(now)} or ${nextOpenings.computedAt} > ${at(now)})`,
      // Reached its successor, which a read shows without writing the row.
      reached: sql<boolean>`${nextOpenings.successorFrom} = ${nextOpenings.staleAt} and ${nextOpenings.staleAt} <= ${at(now)} and ${nextOpenings.successorStaleAt} > ${at(now)}`,
    })
    .from(nextOpenings)
    .where(inArray(nextOpenings.providerId, providers.map((p) => p.id)));
  for (const provider of providers) {
    const first = (await getNextAvailable(provider.slug, now))?.start ?? null;
    const card = cards.find((c) => c.slug === provider.slug);
    const row = stored.find((r) => r.providerId === provider.id);
    // A provider with no hours left anywhere is not listed, so has no card: the search leaves
    // their row stale (it cannot show it), and a stale row is recomputed before anything shows it.
    if (card) {
      expect(card.nextAvailable, `${provider.slug} at ${now.toISOString()}`).toBe(first);
      expect(row?.fresh || row?.reached, `${provider.slug} shown fresh or reached`).toBe(true);
    }
    if (row?.fresh) expect(row.startsAt?.toISOString() ?? null, `stored ${provider.slug}`).toBe(first);
    if (row?.reached) expect(row.successorStartsAt?.toISOString() ?? null, `successor of ${provider.slug}`).toBe(first);
  }
  // Soonest first, nulls last, as the card values say.
  const times = cards.map((c) => c.nextAvailable ?? "~");
  expect(times).toEqual([...times].sort());
}

describe("next openings", () => {
  it("equal the slot function's first slot after any sequence of writes and clock moves", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = await getDb();
        // Each run starts from a clean clinic row set: the previous run's providers leave search.
        await db.execute(sql`update providers set listing_status = 'draft' where name like 'Prop %'`);
        const providers = await world();
        const booked: string[] = [];
        let now = START;
        await expectExact(providers, now);
        for (const s of steps) {
          now = await apply(s, providers, now, booked);
          await expectExact(providers, now);
        }
      }),
      { numRuns: 40, seed: 20261201, endOnFailure: true },
    );
  });
});
