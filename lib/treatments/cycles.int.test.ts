import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bookings, emailOutbox, treatmentIntervalOverrides, treatments } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { createBooking, type CreateBookingResult } from "@/lib/booking/queries";
import { confirmBooking, markCompleted, RECORD_TREATMENT, rescheduleBooking } from "@/lib/booking/transitions";
import { nextTreatmentFrom } from "./interval-rule";
import { allowEarlierTreatment, hasOpenOverride, NOT_LATEST } from "./overrides";
import { getBookingTreatment, getPatientTreatments } from "./records";
import { queueNextVisitReminders } from "./reminders";

// Treatment cycles (issue 14, part 3): what a treatment gave, sealed; the next treatment not before
// day 84 with any provider; the treating provider's override; the day-70 reminder.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
/** An instant at a New York wall-clock time. */
const ny = (date: string, hour: number, minute = 0) => DateTime.fromISO(date, { zone: "America/New_York" }).set({ hour, minute }).toUTC().toISO()!;
const GIVEN = { product: "dysport" as const, units: 500, regions: "CANARY-SITE temporalis, masseter", lot: "LOT-CANARY-7" };

type Listed = Awaited<ReturnType<typeof createProvider>> & { user: TestUser };

async function clinic(name: string): Promise<Listed> {
  const user = await createUser("provider");
  // A year's horizon, so day 84 is bookable from today.
  const listed = await createProvider({
    name,
    provider: { userId: user.id, horizonDays: 365, minNoticeMinutes: 0 },
    appointmentTypes: [{ kind: "treatment", name: "Treatment session", minutes: 30 }, { kind: "initial_consultation", name: "Consultation", minutes: 30 }],
  });
  return { ...listed, user };
}

const request = (who: TestUser, at: Listed, start: string, type: "treatment" | "consultation" = "treatment", now = NOW): Promise<CreateBookingResult> =>
  createBooking(who, { providerSlug: at.slug, appointmentTypeId: at.typeIds[type === "treatment" ? 0 : 1]!, locationId: at.locationIds[0]!, start, telehealth: false, intake: validIntake() }, now);

/** A treatment of `patient` with `at` on `date` (New York), booked, confirmed and completed with GIVEN. */
async function treated(patient: TestUser, at: Listed, date: string, now = NOW): Promise<string> {
  const result = await request(patient, at, ny(date, 10), "treatment", now);
  if (!result.ok) throw new Error(result.message);
  expect(await confirmBooking(at.user, result.id, now)).toMatchObject({ ok: true });
  expect(await markCompleted(at.user, result.id, GIVEN, new Date(ny(date, 11)))).toMatchObject({ ok: true });
  return result.id;
}

beforeAll(async () => {
  await seedReferenceData();
});

describe("recording a treatment", () => {
  it("needs what was given to complete a treatment, seals it, and shows it to the patient and the treating provider only", async () => {
    const chen = await clinic("Cycle Record");
    const other = await clinic("Cycle Record Other");
    const patient = await createUser("patient");
    const booked = await request(patient, chen, ny("2026-12-03", 10));
    if (!booked.ok) throw new Error(booked.message);
    await confirmBooking(chen.user, booked.id, NOW);
    const after = new Date(ny("2026-12-03", 11));
    expect(await markCompleted(chen.user, booked.id, null, after)).toEqual({ ok: false, error: RECORD_TREATMENT });
    expect(await markCompleted(chen.user, booked.id, GIVEN, after)).toMatchObject({ ok: true });

    const db = await getDb();
    const [row] = await db.select().from(treatments).where(eq(treatments.bookingId, booked.id));
    expect(row).toMatchObject({ patientId: patient.id, providerId: chen.id, treatedOn: "2026-12-03" });
    expect(row!.detailsCiphertext).toMatch(/^v1\./);
    expect(row!.detailsCiphertext).not.toMatch(/CANARY|dysport/i);

    const mine = await getPatientTreatments(patient);
    expect(mine.nextFrom).toBe("2027-02-25");
    expect(mine.history).toEqual([
      { bookingId: booked.id, treatedOn: "2026-12-03", provider: { name: "Cycle Record", slug: chen.slug }, details: { ...GIVEN, productLabel: "Dysport (abobotulinumtoxinA)" } },
    ]);
    expect(await getBookingTreatment(chen.user, booked.id)).toMatchObject({ details: { units: 500 } });
    expect(await getBookingTreatment(other.user, booked.id)).toBeNull();

    // A consultation completes without a record.
    const consult = await request(patient, chen, ny("2026-12-04", 10), "consultation");
    if (!consult.ok) throw new Error(consult.message);
    await confirmBooking(chen.user, consult.id, NOW);
    expect(await markCompleted(chen.user, consult.id, null, new Date(ny("2026-12-04", 11)))).toMatchObject({ ok: true });
    expect(await db.$count(treatments, eq(treatments.patientId, patient.id))).toBe(1);
  });
});

describe("the 84-day rule", () => {
  it("refuses a next treatment with any provider before day 84, in the clinic's zone, and takes one on day 84", async () => {
    const chen = await clinic("Cycle Rule");
    const other = await clinic("Cycle Rule Other");
    const patient = await createUser("patient");
    await treated(patient, chen, "2026-12-03");
    const later = new Date("2026-12-04T12:00:00Z");
    const tooSoon = { ok: false, reason: "too_soon", earliest: "2027-02-25", message: expect.stringMatching(/from Feb 25, 2027.*84 days/) };
    expect(await request(patient, other, ny("2027-02-24", 16, 30), "treatment", later)).toEqual(tooSoon);
    expect(await request(patient, chen, ny("2026-12-10", 10), "treatment", later)).toEqual(tooSoon);
    expect(await nextTreatmentFrom(patient, other.slug, later)).toBe("2027-02-25");
    // A consultation is not a treatment.
    expect(await request(patient, other, ny("2026-12-10", 10), "consultation", later)).toMatchObject({ ok: true });
    expect(await request(patient, other, ny("2027-02-25", 9), "treatment", later)).toMatchObject({ ok: true });
    const db = await getDb();
    expect(await db.$count(bookings, eq(bookings.patientId, patient.id))).toBe(3);
  });

  it("counts a treatment still to come, so no two are booked weeks apart, and keeps it when one is moved", async () => {
    const chen = await clinic("Cycle Pending");
    const other = await clinic("Cycle Pending Other");
    const patient = await createUser("patient");
    const first = await request(patient, chen, ny("2026-12-10", 10));
    expect(first).toMatchObject({ ok: true });
    expect(await request(patient, other, ny("2026-12-24", 10))).toMatchObject({ ok: false, reason: "too_soon", earliest: "2027-03-04" });
    // Booked for day 84 after the first, then moved to day 20: refused, and the booking stays where it was.
    const second = await request(patient, other, ny("2027-03-04", 10));
    if (!second.ok) throw new Error(second.message);
    expect(await rescheduleBooking(patient, second.id, new Date(ny("2026-12-30", 10)), NOW)).toEqual({ ok: false, error: expect.stringMatching(/from Mar 4, 2027/) });
    const db = await getDb();
    const [row] = await db.select({ startsAt: bookings.startsAt }).from(bookings).where(eq(bookings.id, second.id));
    expect(row!.startsAt).toEqual(new Date(ny("2027-03-04", 10)));
  });

  it("gives the pickers the first allowed day: a moved treatment counted without itself", async () => {
    const chen = await clinic("Cycle Picker");
    const patient = await createUser("patient");
    await treated(patient, chen, "2026-12-03");
    const next = await request(patient, chen, ny("2027-03-10", 10), "treatment", new Date("2026-12-04T12:00:00Z"));
    if (!next.ok) throw new Error(next.message);
    const later = new Date("2026-12-05T12:00:00Z");
    // A new treatment waits for day 84 after the one still to come; moving that one, for day 84 after the last done.
    expect(await nextTreatmentFrom(patient, chen.slug, later)).toBe("2027-06-02");
    expect(await nextTreatmentFrom(patient, chen.slug, later, next.id)).toBe("2027-02-25");
  });
});

describe("the treating provider's override", () => {
  it("lets one earlier treatment with that provider through, audited without the reason, and only they may grant it", async () => {
    const chen = await clinic("Cycle Override");
    const other = await clinic("Cycle Override Other");
    const patient = await createUser("patient");
    const first = await treated(patient, chen, "2026-12-03");
    expect(await allowEarlierTreatment(other.user, first, "CANARY-REASON spasm returned early")).toEqual({ ok: false, error: NOT_LATEST });
    expect(await allowEarlierTreatment(chen.user, first, "CANARY-REASON spasm returned early")).toMatchObject({ ok: true });
    expect(await hasOpenOverride(chen.user, first)).toBe(true);

    const db = await getDb();
    const [override] = await db.select().from(treatmentIntervalOverrides).where(eq(treatmentIntervalOverrides.patientId, patient.id));
    expect(override!.reasonCiphertext).toMatch(/^v1\./);
    expect(override!.reasonCiphertext).not.toContain("CANARY");
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "treatment.interval_override"), eq(auditEvents.subjectId, first)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: chen.user.id, details: { patientId: patient.id, providerId: chen.id } });
    expect(JSON.stringify(audits[0]!.details)).not.toContain("CANARY");

    const later = new Date("2026-12-04T12:00:00Z");
    expect(await nextTreatmentFrom(patient, chen.slug, later)).toBeNull();
    // Not with another provider; once with the one who allowed it, then no more.
    expect(await request(patient, other, ny("2027-01-20", 10), "treatment", later)).toMatchObject({ ok: false, reason: "too_soon" });
    const early = await request(patient, chen, ny("2027-01-20", 10), "treatment", later);
    if (!early.ok) throw new Error(early.message);
    const [spent] = await db.select().from(treatmentIntervalOverrides).where(eq(treatmentIntervalOverrides.id, override!.id));
    expect(spent!.usedByBookingId).toBe(early.id);
    expect(await hasOpenOverride(chen.user, first)).toBe(false);
    expect(await request(patient, chen, ny("2027-01-21", 10), "treatment", later)).toMatchObject({ ok: false, reason: "too_soon", earliest: "2027-04-14" });
    // The booking it let through can still be moved, without another override.
    expect(await rescheduleBooking(patient, early.id, new Date(ny("2027-01-22", 10)), later)).toMatchObject({ ok: true });
  });
});

describe("two treatment requests at once", () => {
  // The patient's account row is locked in each booking transaction, so the second one sees the
  // first. On PGlite (one connection) they run one after another; on a server they race for real.
  it("lets exactly one through, with different providers and times", async () => {
    const clinics = await Promise.all([clinic("Cycle Race A"), clinic("Cycle Race B"), clinic("Cycle Race C"), clinic("Cycle Race D")]);
    for (let round = 0; round < 3; round++) {
      const patient = await createUser("patient");
      const days = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"];
      const results = await Promise.all(clinics.map((c, i) => request(patient, c, ny(days[i]!, 10 + round))));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "too_soon")).toHaveLength(3);
      const db = await getDb();
      expect(await db.$count(bookings, eq(bookings.patientId, patient.id))).toBe(1);
    }
  });
});

describe("the day-70 reminder", () => {
  it("emails the patient once per cycle from day 70, naming no treatment, and not when one is booked", async () => {
    const chen = await clinic("Cycle Remind");
    const patient = await createUser("patient");
    const booked = await createUser("patient");
    await treated(patient, chen, "2026-12-11");
    await treated(booked, chen, "2026-12-11");
    const day = (date: string) => new Date(`${date}T15:00:00Z`);
    const reminders = async (email: string) => {
      const db = await getDb();
      return db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, "next_visit_reminder")));
    };
    // Day 70 is 19 February. The other patient has booked their next treatment by then.
    const next = await request(booked, chen, ny("2027-03-05", 10), "treatment", day("2027-02-01"));
    // Confirmed: a request left unanswered would have lapsed by day 70 and count for nothing.
    expect(next.ok && (await confirmBooking(chen.user, next.id, day("2027-02-02")))).toMatchObject({ ok: true });
    // Day 69 (other tests' older treatments are reminded here).
    await queueNextVisitReminders(day("2027-02-18"));
    expect(await reminders(patient.email)).toEqual([]);
    const counts = await Promise.all([queueNextVisitReminders(day("2027-02-19")), queueNextVisitReminders(day("2027-02-19"))]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await queueNextVisitReminders(day("2027-02-22"))).toBe(0);
    const [email, ...more] = await reminders(patient.email);
    expect(more).toEqual([]);
    expect(email!.subject).toBe("Time to book your next visit");
    expect(email!.bodyText).toContain("Mar 5, 2027");
    expect(email!.bodyText).toContain(`/providers/${chen.slug}`);
    expect(`${email!.subject} ${email!.bodyText} ${email!.bodyHtml}`).not.toMatch(/botox|dysport|treatment|migraine|CANARY/i);
    expect(await reminders(booked.email)).toEqual([]);
  });
});
