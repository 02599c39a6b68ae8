import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/open";
import { appointmentTypes, bookings, locations, providers, reviews, users } from "@/db/schema";
import { newBookingRow } from "@/lib/booking/booking-row";
import { DEMO_ANCHORS } from "./generate";

// Dr. Maya Chen's verified reviews: five demo patients, each with the completed visit a review
// needs (so the data keeps the rules the app enforces), answered a few hours after it was asked
// for, which also gives her profile its "usually confirms within" line. Five is what JSON-LD's
// aggregateRating waits for. patient@example.com's own past visit stays unreviewed, to try.
// Dates follow `today`; the texts are fictional and say nothing about anyone's health.

export const DEMO_REVIEWERS = [
  { email: "reviewer1@example.com", name: "Jamie Rivera", daysAgo: 12, answeredAfterHours: 2, rating: 5, text: "Dr. Chen listened carefully and explained every step before we started. The front desk was friendly and on time." },
  { email: "reviewer2@example.com", name: "Sam Okafor", daysAgo: 26, answeredAfterHours: 5, rating: 5, text: "Clear about costs up front, no surprises. Easy to book and the visit started on time." },
  { email: "reviewer3@example.com", name: "Lee Tanaka", daysAgo: 38, answeredAfterHours: 3, rating: 4, text: "Thorough and kind. The wait room was busy, but she never rushed me." },
  { email: "reviewer4@example.com", name: "Morgan Hale", daysAgo: 51, answeredAfterHours: 4, rating: 5, text: null, showName: false },
  { email: "reviewer5@example.com", name: "Avery Brooks", daysAgo: 67, answeredAfterHours: 6, rating: 4, text: "Good explanation of what to expect and a follow-up plan. Parking nearby is hard to find." },
] as const;

export async function seedDemoReviews(db: Database, passwordHash: string, today: string): Promise<void> {
  const [maya] = await db.select({ id: providers.id, window: providers.cancellationWindowHours }).from(providers).where(eq(providers.slug, DEMO_ANCHORS.maya));
  if (!maya) return;
  if ((await db.$count(reviews, eq(reviews.providerId, maya.id))) > 0) return;
  const [location] = await db.select().from(locations).where(eq(locations.providerId, maya.id)).limit(1);
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.providerId, maya.id), eq(appointmentTypes.kind, "initial_consultation"), isNull(appointmentTypes.archivedAt)))
    .limit(1);
  if (!location || !type) return;

  await db
    .insert(users)
    .values(DEMO_REVIEWERS.map((r) => ({ email: r.email, name: r.name, role: "patient" as const, passwordHash })))
    .onConflictDoNothing();
  const accounts = await db.select({ id: users.id, email: users.email }).from(users);
  const idOf = (email: string) => accounts.find((a) => a.email === email)!.id;

  const noon = DateTime.fromISO(today, { zone: "America/New_York" }).set({ hour: 11 });
  const visits = DEMO_REVIEWERS.map((r) => {
    const start = noon.minus({ days: r.daysAgo });
    // Asked for two weeks before the visit, answered a few hours later.
    const requestedAt = start.minus({ days: 14 });
    return {
      reviewer: r,
      start,
      row: {
        ...newBookingRow({ providerId: maya.id, patientId: idOf(r.email), location, type, start: start.toJSDate(), status: "completed", intake: { seeded: true }, depositCents: 0, cancellationWindowHours: maya.window }),
        createdAt: requestedAt.toJSDate(),
        requestedAt: requestedAt.toJSDate(),
        answeredAt: requestedAt.plus({ hours: r.answeredAfterHours }).toJSDate(),
      },
    };
  });
  await db.insert(bookings).values(visits.map((v) => v.row));
  await db.insert(reviews).values(
    visits.map(({ reviewer, start }) => {
      const writtenAt = start.plus({ days: 1 }).toJSDate();
      return {
        providerId: maya.id,
        patientId: idOf(reviewer.email),
        rating: reviewer.rating,
        text: reviewer.text,
        showName: "showName" in reviewer ? reviewer.showName : true,
        createdAt: writtenAt,
        editedAt: writtenAt,
        ...(reviewer.email === "reviewer2@example.com" ? { reply: "Thank you for taking the time to write this.", repliedAt: start.plus({ days: 2 }).toJSDate() } : {}),
      };
    }),
  );
}
