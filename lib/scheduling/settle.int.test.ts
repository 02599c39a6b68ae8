import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db/client";
import { nextOpenings, searchEntries } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { searchFor } from "@/db/testing/search";
import { createBooking } from "@/lib/booking/queries";
import { refreshNextOpenings, scheduleTransaction } from "./next-openings";
import { getNextAvailable } from "./queries";
import { addTimeOff, saveBookingWindow, saveWeeklyHours } from "./settings";
import { timeOffSchema, weeklyHoursSchema } from "./validation";

// A write's own transaction leaves its provider's next opening current (migration 0036): the
// rows are read straight from the tables here, so no search can have recomputed them on the way.

// Tuesday 1 December 2026, noon UTC (7:00 in New York); the fixtures open 9:00 to 17:00 on
// weekdays in New York with 24 hours' notice, so the first free time is Wednesday 9:00 (14:00 UTC).
const NOW = new Date("2026-12-01T12:00:00Z");
const ROME = { city: "Rome", zip: "13440", latitude: 43.2193, longitude: -75.4498 };

type Listed = Awaited<ReturnType<typeof createProvider>>;

async function stored(providerId: string) {
  const db = await getDb();
  const [row] = await db.select().from(nextOpenings).where(eq(nextOpenings.providerId, providerId));
  const entries = await db.selectDistinct({ at: searchEntries.nextAvailable }).from(searchEntries).where(eq(searchEntries.providerId, providerId));
  return { startsAt: row?.startsAt?.toISOString() ?? null, fresh: row!.staleAt > NOW, onEntries: entries.map((e) => e.at?.toISOString() ?? null) };
}

/** A listed provider the fixtures wrote straight to the tables, with its next opening computed. */
async function listed(name: string, userId?: string): Promise<Listed> {
  const provider = await createProvider({ name, locations: [ROME], ...(userId ? { provider: { userId } } : {}) });
  await refreshNextOpenings(await getDb(), [provider.id], NOW);
  return provider;
}

async function expectCurrent(provider: Listed, startsAt: string | null) {
  expect((await getNextAvailable(provider.slug, NOW))?.start ?? null).toBe(startsAt);
  expect(await stored(provider.id)).toEqual({ startsAt, fresh: true, onEntries: [startsAt] });
}

const book = (patient: TestUser, provider: Listed, start: string) =>
  createBooking(
    patient,
    { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake: validIntake() },
    NOW,
  );

const soonestNear13440 = async () => (await searchFor("near=13440&radiusMi=5&sort=soonest", { now: NOW })).results;

let patient: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  patient = await createUser("patient");
});

describe("a write's own transaction", () => {
  it("moves the next opening off a time it books, before anything reads it", async () => {
    const provider = await listed("Settle Booked");
    await expectCurrent(provider, "2026-12-02T14:00:00.000Z");
    expect(await book(patient, provider, "2026-12-02T14:00:00.000Z")).toMatchObject({ ok: true });
    await expectCurrent(provider, "2026-12-02T14:30:00.000Z");
  });

  it("follows the provider's hours, time off and booking window as they save them", async () => {
    const user = await createUser("provider");
    const provider = await listed("Settle Hours", user.id);
    // Thursdays only: the 3rd at 9:00 New York.
    await saveWeeklyHours(user, weeklyHoursSchema.parse({ locationId: provider.locationIds[0], "day-4": "9:00-12:00" }), NOW);
    await expectCurrent(provider, "2026-12-03T14:00:00.000Z");
    // Away on the 3rd: the next Thursday.
    await addTimeOff(user, timeOffSchema.parse({ locationId: "", startDate: "2026-12-03", endDate: "2026-12-03" }), NOW);
    await expectCurrent(provider, "2026-12-10T14:00:00.000Z");
    // A horizon of a week leaves no Thursday that is not away.
    await saveBookingWindow(user, { minNoticeHours: 24, horizonDays: 7 }, NOW);
    await expectCurrent(provider, null);
  });

  it("undoes the list of providers to recompute with a rolled-back savepoint", async () => {
    const provider = await listed("Settle Rolled Back");
    const db = await getDb();
    await scheduleTransaction(db, NOW, async (tx) => {
      await tx
        .transaction(async (sp) => {
          await sp.execute(sql`select next_openings_mark_stale(array[${provider.id}::uuid])`);
          throw new Error("changed my mind");
        })
        .catch(() => undefined);
      const [setting] = await executeRows<{ ids: string | null }>(sql`select current_setting('relief_finder.stale_openings', true) as ids`, tx);
      expect(setting?.ids ?? "").toBe("");
    });
    await expectCurrent(provider, "2026-12-02T14:00:00.000Z");
  });

  it("leaves a write that marks hundreds of providers to the next read", async () => {
    const db = await getDb();
    const many = Array.from({ length: 600 }, () => sql`${crypto.randomUUID()}::uuid`);
    const [setting] = await db.transaction(async (tx) => {
      await tx.execute(sql`select next_openings_mark_stale(array[${sql.join(many, sql`, `)}])`);
      return executeRows<{ ids: string }>(sql`select current_setting('relief_finder.stale_openings') as ids`, tx);
    });
    expect(setting?.ids).toBe("*");
  });
});

// PGlite has one connection: what another transaction holds can only be tried on a server.
describe.skipIf(!process.env.DATABASE_URL)("beside other writes on a server", () => {
  it("goes on without waiting when another write holds the search generation, and the next read recomputes", async () => {
    const provider = await listed("Settle Busy");
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("update search_generation set n = n + 1");
      const started = performance.now();
      expect(await book(patient, provider, "2026-12-02T14:00:00.000Z")).toMatchObject({ ok: true });
      // The 200 ms lock timeout, not the other transaction, ended the wait.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect((await stored(provider.id)).fresh).toBe(false);
      await other.query("commit");
    } finally {
      await other.end();
    }
    const card = (await soonestNear13440()).find((c) => c.slug === provider.slug);
    expect(card?.nextAvailable).toBe("2026-12-02T14:30:00.000Z");
    await expectCurrent(provider, "2026-12-02T14:30:00.000Z");
  });

  it("lets bookings and a provider's own edits of one schedule race without a deadlock", async () => {
    const user = await createUser("provider");
    const provider = await listed("Settle Race", user.id);
    const patients = [patient, await createUser("patient"), await createUser("patient")];
    const results = await Promise.all([
      ...patients.map((p, i) => book(p, provider, `2026-12-02T${14 + i}:00:00.000Z`)),
      saveBookingWindow(user, { minNoticeHours: 24, horizonDays: 60 }, NOW),
      saveWeeklyHours(user, weeklyHoursSchema.parse({ locationId: provider.locationIds[0], "day-3": "9:00-17:00", "day-4": "9:00-17:00" }), NOW),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: true });
    // Whichever way the race went (a write that found the generation busy left it stale), the
    // search shows the slot function's first slot and leaves the row so.
    const first = (await getNextAvailable(provider.slug, NOW))?.start ?? null;
    expect(first).toBe("2026-12-02T14:30:00.000Z");
    expect((await soonestNear13440()).find((c) => c.slug === provider.slug)?.nextAvailable).toBe(first);
    await expectCurrent(provider, first);
  });
});
