import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import type { Intake } from "@/lib/booking/intake";
import { createBooking } from "@/lib/booking/queries";
import { queueDueReminders } from "@/lib/booking/reminders";
import { acceptProposal, cancelBooking, confirmBooking, declineBooking, proposeTime, rescheduleBooking } from "@/lib/booking/transitions";
import { env } from "@/lib/env";
import { processPendingRefunds, startDepositCheckout } from "@/lib/payments/deposits";
import { checkoutEvent } from "@/lib/payments/test-mode";
import { processWebhook } from "@/lib/payments/webhook";
import { outgoingMessage } from "./outbox";

// Every kind of booking email, sent for bookings whose every free-text field holds a canary: the
// intake, the reasons and notes either side wrote, the appointment type's and the location's names
// (which providers write, and which here name a treatment and a condition). None may reach an email.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, localHour + 5, minute)).toISOString();
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const FORBIDDEN = [/canary/i, /migraine/i, /botox/i, /dystonia/i, /headache/i];

const intake: Intake = {
  ...validIntake({ symptoms: "CANARY-SYMPTOMS daily headaches" }),
  medicines: "CANARY-MEDICINES topiramate",
  allergies: "CANARY-ALLERGIES",
  earlierBotox: "CANARY-EARLIER",
};

const PROVIDER_NAME = "Dr. Ada Quill";
const ADDRESS = "1 Test St, New York, NY 10016";

let world: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const providerUser = await createUser("provider");
  const provider = await createProvider({
    name: PROVIDER_NAME,
    provider: { userId: providerUser.id, cancellationWindowHours: 24 },
    locations: [{ name: "CANARY Botox Migraine Center" }],
    appointmentTypes: [
      { name: "Botox for chronic migraine CANARY-TYPE", depositCents: 0, telehealthAllowed: true },
      { name: "Botox deposit visit for migraine CANARY-DEPOSIT", depositCents: 5_000 },
    ],
  });
  const patient = await createUser("patient");
  const book = async (start: string, options: { type?: number; telehealth?: boolean } = {}) => {
    const other = await createUser("patient");
    const result = await createBooking(
      options.type === 1 ? other : patient,
      { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[options.type ?? 0]!, locationId: provider.locationIds[0]!, start, telehealth: options.telehealth ?? false, ...(options.telehealth ? { patientState: "NY" } : {}), intake },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    return { id: result.id, patient: options.type === 1 ? other : patient };
  };
  return { providerUser, provider, patient, book };
}

/** The patient opens the checkout (which records its session) and Stripe reports it paid. */
async function paid(bookingId: string, patient: TestUser) {
  const checkout = await startDepositCheckout(patient, bookingId, NOW);
  if (!checkout.ok) throw new Error(checkout.error);
  const event = checkoutEvent("pay", { bookingId, sessionId: `cs_test_local_${bookingId}`, amountCents: 5_000, currency: "usd" }, later(5));
  const response = await processWebhook(event.payload, event.signature, later(5));
  expect(response.status).toBe(200);
}

const ids: string[] = [];

beforeAll(async () => {
  await seedReferenceData();
  world = await setup();
  const { providerUser, book } = world;

  const confirmed = await book(at(2, 10), { telehealth: true });
  await confirmBooking(providerUser, confirmed.id, NOW);
  await queueDueReminders(new Date("2026-12-01T16:00:00Z"));

  const declined = await book(at(3, 9));
  await declineBooking(providerUser, declined.id, "CANARY-DECLINE I do not treat migraine with Botox in new patients", NOW);

  const proposed = await book(at(3, 11));
  await proposeTime(providerUser, proposed.id, "2026-12-04T14:30", "CANARY-PROPOSAL your headache diary first", NOW);
  await acceptProposal(world.patient, proposed.id, NOW);

  const moved = await book(at(3, 13));
  await rescheduleBooking(world.patient, moved.id, new Date(at(3, 14)), NOW);
  await cancelBooking(world.patient, moved.id, "CANARY-CANCEL-PATIENT my migraine got better", NOW);

  // Deposits: paid, then declined and cancelled by the provider, so both refunds are emailed.
  const depositDeclined = await book(at(7, 10), { type: 1 });
  await paid(depositDeclined.id, depositDeclined.patient);
  await declineBooking(providerUser, depositDeclined.id, "CANARY-DECLINE-DEPOSIT dystonia is not my field", later(10));
  const depositCancelled = await book(at(7, 11), { type: 1 });
  await paid(depositCancelled.id, depositCancelled.patient);
  await confirmBooking(providerUser, depositCancelled.id, later(10));
  await cancelBooking(providerUser, depositCancelled.id, "CANARY-CANCEL-PROVIDER Botox supply ran out", later(11));
  await processPendingRefunds(later(12));

  ids.push(confirmed.id, declined.id, proposed.id, moved.id, depositDeclined.id, depositCancelled.id);
});

async function outbox() {
  const db = await getDb();
  return db.select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
}

describe("booking emails", () => {
  it("attach the calendar file to a confirmation only, without the type's or location's names", async () => {
    const emails = await outbox();
    const confirmed = emails.find((e) => e.kind === "confirmed")!;
    const message = await outgoingMessage(confirmed);
    expect(message.attachments).toHaveLength(1);
    const [ics] = message.attachments!;
    expect(ics!.contentType).toMatch(/^text\/calendar/);
    expect(ics!.content).toContain(`SUMMARY:Appointment with ${PROVIDER_NAME}`);
    expect(ics!.content).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    for (const word of FORBIDDEN) expect(ics!.content).not.toMatch(word);
    expect(message.html).toBe(confirmed.bodyHtml);
    for (const other of emails.filter((e) => e.kind !== "confirmed")) expect((await outgoingMessage(other)).attachments).toBeUndefined();
  });

  it("are sent for every kind of change", async () => {
    const kinds = new Set((await outbox()).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["cancelled", "confirmed", "declined", "moved", "proposed", "refunded", "reminder", "request_received", "request_sent"]);
  });

  it("carry nothing either side wrote, no intake answer, no condition or treatment and no type or location name", async () => {
    const emails = await outbox();
    expect(emails.length).toBeGreaterThanOrEqual(14);
    for (const email of emails) {
      for (const word of FORBIDDEN) {
        expect(email.subject, `${email.kind} subject`).not.toMatch(word);
        expect(email.bodyText, `${email.kind} body`).not.toMatch(word);
        expect(email.bodyHtml, `${email.kind} HTML`).not.toMatch(word);
      }
    }
  });

  it("say who, when in the location's zone with the zone named, where, and link to the app", async () => {
    for (const email of await outbox()) {
      expect(email.bodyText).toContain(`Provider: ${PROVIDER_NAME}`);
      expect(email.bodyText).toMatch(/\nWhen: \w+day, December \d{1,2}, 2026 at \d{1,2}:\d{2} [AP]M Eastern Standard Time\n/);
      expect(email.bodyText).toMatch(new RegExp(`\\nWhere: (${ADDRESS}|Video visit)\\n`));
      const links = email.bodyText.match(/https?:\/\/\S+/g) ?? [];
      expect(links.length).toBe(1);
      expect(links[0]!.startsWith(new URL("/", env.SITE_URL).toString())).toBe(true);
      // The HTML part says the same: the provider, the spelled-out time and the one link.
      expect(email.bodyHtml).toContain(`<td style="padding:2px 0">${PROVIDER_NAME}</td>`);
      expect(email.bodyHtml).toContain("Eastern Standard Time");
      expect(email.bodyHtml).toContain(`href="${links[0]}"`);
    }
  });

  it("tell each side the facts of its own booking", async () => {
    const emails = await outbox();
    const reminder = emails.find((e) => e.kind === "reminder")!;
    expect(reminder.toAddress).toBe(world.patient.email);
    expect(reminder.bodyText).toContain("When: Wednesday, December 2, 2026 at 10:00 AM Eastern Standard Time");
    expect(reminder.bodyText).toContain("Where: Video visit");
    const proposal = emails.find((e) => e.kind === "proposed")!;
    expect(proposal.bodyText).toContain("When: Friday, December 4, 2026 at 2:30 PM Eastern Standard Time");
    expect(proposal.bodyText).toContain("You asked for: Thursday, December 3, 2026 at 11:00 AM Eastern Standard Time");
    const declined = emails.find((e) => e.kind === "declined")!;
    expect(declined.bodyText).toContain("Their reason is on your bookings page.");
    expect(declined.bodyText).toContain(`${new URL("/patient", env.SITE_URL)}`);
    const byPatient = emails.find((e) => e.kind === "cancelled" && e.toAddress === world.providerUser.email)!;
    expect(byPatient.bodyText).toContain(`${new URL("/provider/requests", env.SITE_URL)}`);
    expect(emails.filter((e) => e.kind === "refunded").map((e) => e.subject)).toEqual(["Your $50 deposit was refunded", "Your $50 deposit was refunded"]);
  });
});
