import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validIntake } from "@/db/testing/fixtures";
import { bookingCalendarFile } from "./calendar";
import { createBooking, getPatientBooking, type BookingRequest } from "./queries";
import { queueDueReminders } from "./reminders";
import { confirmBooking } from "./transitions";

// The provider's video room reaches the patient once the visit is confirmed — the booking page, the
// calendar file, the confirmation and the reminders — and never before; the patient's emails give
// the time on their own state's clock when it differs from the clinic's.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const ROOM = "https://meet.example.com/dr-vega-room";
const START = new Date("2026-12-03T15:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let providerUser: Awaited<ReturnType<typeof createUser>>;
let request: (start: Date, patientState?: string) => BookingRequest;

beforeAll(async () => {
  await seedReferenceData();
  providerUser = await createUser("provider");
  const provider = await createProvider({
    name: "Dr. Lena Vega",
    provider: { userId: providerUser.id, telehealth: true, videoVisitUrl: ROOM },
    licenses: [npiLicense(), stateLicense("NY"), stateLicense("CA")],
    appointmentTypes: [{ telehealthAllowed: true }],
  });
  request = (start, patientState) => ({
    providerSlug: provider.slug,
    appointmentTypeId: provider.typeIds[0]!,
    locationId: provider.locationIds[0]!,
    start: start.toISOString(),
    telehealth: patientState !== undefined,
    patientState,
    intake: validIntake(),
  });
});

async function emailsOf(bookingId: string) {
  const db = await getDb();
  return db.select({ kind: emailOutbox.kind, to: emailOutbox.toAddress, body: emailOutbox.bodyText, html: emailOutbox.bodyHtml }).from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
}

async function book(patientState?: string, start = START) {
  const patient = await createUser("patient");
  const result = await createBooking(patient, request(start, patientState), NOW);
  if (!result.ok) throw new Error(`booking refused: ${result.message}`);
  return { patient, id: result.id };
}

describe("a video visit's link", () => {
  it("is not given while the visit is only requested", async () => {
    const { patient, id } = await book("CA");
    expect(await getPatientBooking(patient, id, later(10))).toMatchObject({ status: "requested", telehealth: true, videoVisitUrl: null });
    expect(await bookingCalendarFile(patient, id)).toBeNull();
    for (const email of await emailsOf(id)) expect(`${email.body}${email.html}`).not.toContain(ROOM);
  });

  it("is given once the provider confirms: the booking, the calendar file and the confirmation email carry it", async () => {
    const { patient, id } = await book("CA", new Date("2026-12-03T16:00:00Z"));
    await confirmBooking(providerUser, id, later(5));
    expect(await getPatientBooking(patient, id, later(10))).toMatchObject({ status: "confirmed", videoVisitUrl: ROOM });
    expect((await bookingCalendarFile(patient, id))!.content).toContain(ROOM);
    const confirmation = (await emailsOf(id)).find((e) => e.kind === "confirmed")!;
    expect(confirmation.to).toBe(patient.email);
    expect(confirmation.body).toContain(`Join the video visit: ${ROOM}`);
    expect(confirmation.html).toContain(ROOM);
  });

  it("names the patient's own time as well when their state keeps another clock, in the confirmation and the reminder", async () => {
    const { id } = await book("CA", new Date("2026-12-03T18:00:00Z"));
    await confirmBooking(providerUser, id, later(5));
    await queueDueReminders(new Date(START.getTime() - 20 * 3_600_000));
    const emails = await emailsOf(id);
    for (const kind of ["confirmed", "reminder"]) {
      const email = emails.find((e) => e.kind === kind)!;
      expect(email.body, kind).toContain("When: Thursday, December 3, 2026 at 1:00 PM Eastern Standard Time");
      expect(email.body, kind).toContain("Your time in California: Thursday, December 3, 2026 at 10:00 AM Pacific Standard Time");
    }
  });

  it("is never given for an in-person visit, and an in-person patient's email has the clinic's time only", async () => {
    const { patient, id } = await book(undefined, new Date("2026-12-03T17:00:00Z"));
    await confirmBooking(providerUser, id, later(5));
    expect(await getPatientBooking(patient, id, later(10))).toMatchObject({ telehealth: false, videoVisitUrl: null });
    const emails = await emailsOf(id);
    expect(emails.map((e) => e.kind)).toContain("confirmed");
    for (const email of emails) {
      expect(email.body).not.toContain(ROOM);
      expect(email.body).not.toContain("Your time in");
    }
    expect((await bookingCalendarFile(patient, id))!.content).not.toContain(ROOM);
  });
});
