import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, locations } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { newBookingRow } from "@/lib/booking/booking-row";
import { confirmBooking, declineBooking } from "@/lib/booking/transitions";
import { getListedProvider } from "./queries";

// "Usually confirms within N hours": the median over the last 90 days' answers, from five on.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Provider = Awaited<ReturnType<typeof createProvider>>;

let patient: TestUser;
// Each request its own hour, so none overlaps another (the database refuses overlapping bookings).
let slot = 0;
beforeAll(async () => {
  await seedReferenceData();
  patient = await createUser("patient");
}, 120_000);

/** A request that reached `provider` `daysAgo` days ago and was answered `hours` later (or not at all). */
async function request(provider: Provider, { daysAgo, hours, startsInDays = -daysAgo + 7 }: { daysAgo: number; hours: number | null; startsInDays?: number }) {
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.providerId, provider.id));
  const type = { id: provider.typeIds[0]!, name: "Initial consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 20_000, depositCents: 0 };
  const requestedAt = new Date(Date.now() - daysAgo * DAY);
  const row = newBookingRow({ providerId: provider.id, patientId: patient.id, location: location!, type, start: new Date(Date.now() + startsInDays * DAY + ++slot * HOUR), status: hours === null ? "requested" : "confirmed", intake: validIntake(), cancellationWindowHours: 24 });
  await db.insert(bookings).values({ ...row, requestedAt, answeredAt: hours === null ? null : new Date(requestedAt.getTime() + hours * HOUR) });
  return row.id;
}

describe("the profile's response time", () => {
  it("waits for five answers in the last 90 days, then gives their median in whole hours, rounded up", async () => {
    const provider = await createProvider();
    for (const hours of [1, 30, 2.5]) await request(provider, { daysAgo: 10, hours });
    // Too old to count, and still unanswered: neither counts.
    await request(provider, { daysAgo: 120, hours: 0.1 });
    await request(provider, { daysAgo: 2, hours: null });
    expect((await getListedProvider(provider.slug))!.responseTimeHours).toBeNull();
    await request(provider, { daysAgo: 20, hours: 4 });
    expect((await getListedProvider(provider.slug))!.responseTimeHours).toBeNull();
    await request(provider, { daysAgo: 30, hours: 0.5 });
    // 0.5, 1, 2.5, 4, 30: the median is 2.5 hours, shown as 3.
    expect((await getListedProvider(provider.slug))!.responseTimeHours).toBe(3);
  });

  it("counts the provider's first answer, confirm or decline, as the booking's answer", async () => {
    const owner = await createUser("provider");
    const provider = await createProvider({ provider: { userId: owner.id } });
    const db = await getDb();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await request(provider, { daysAgo: 5.5 / 24, hours: null, startsInDays: 3 + i }));
    for (const [i, id] of ids.entries()) {
      const result = i % 2 === 0 ? await confirmBooking(owner, id) : await declineBooking(owner, id, "Fully booked");
      expect(result.ok).toBe(true);
    }
    const rows = await db.select({ answeredAt: bookings.answeredAt }).from(bookings).where(eq(bookings.providerId, provider.id));
    expect(rows.every((r) => r.answeredAt !== null)).toBe(true);
    // Asked five and a half hours ago, answered now: within 6 hours.
    expect((await getListedProvider(provider.slug))!.responseTimeHours).toBe(6);
  });
});
