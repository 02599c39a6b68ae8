import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, licenses } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validIntake } from "@/db/testing/fixtures";
import { telehealthStatesBySlug } from "@/lib/licensing/telehealth";
import { cancelBookingsWithoutLicense } from "./provider-side-cancel";
import { createBooking, getPatientBooking, SLOT_TAKEN, type BookingRequest } from "./queries";
import { confirmBooking } from "./transitions";
import { TELEHEALTH_NOT_OFFERED } from "./video-visit";

// A video visit is licensed where the patient is: the clinic's state does not license it.

const NOW = new Date("2026-12-01T12:00:00Z"); // Tuesday
const at = (day: number, localHour: number) => new Date(Date.UTC(2026, 11, day, localHour + 5)).toISOString();

beforeAll(async () => {
  await seedReferenceData();
});

/** A New York clinic whose provider is also licensed in New Jersey; its one type can be by video. */
async function videoClinic(name: string, extraLicenses = [stateLicense("NJ")], telehealthAllowed = true) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({
    name,
    provider: { userId: providerUser.id, telehealth: true },
    licenses: [npiLicense(), stateLicense("NY"), ...extraLicenses],
    appointmentTypes: [{ telehealthAllowed }],
  });
  const request = (start: string, patientState?: string): BookingRequest => ({
    providerSlug: provider.slug,
    appointmentTypeId: provider.typeIds[0]!,
    locationId: provider.locationIds[0]!,
    start,
    telehealth: patientState !== undefined,
    patientState,
    intake: validIntake(),
  });
  return { providerUser, provider, request };
}

async function bookingsOf(providerId: string) {
  const db = await getDb();
  return db.select({ id: bookings.id, status: bookings.status, patientState: bookings.patientState }).from(bookings).where(eq(bookings.providerId, providerId));
}

describe("a video visit", () => {
  it("from a state the provider is not licensed in is refused, naming the states where they can see the patient", async () => {
    const { provider, request } = await videoClinic("Dr. Ada Video");
    const result = await createBooking(await createUser("patient"), request(at(3, 10), "CA"), NOW);
    expect(result).toEqual({ ok: false, reason: "unlicensed_state", message: "Dr. Ada Video can see patients by video in New Jersey and New York.", licensedStates: ["NJ", "NY"] });
    expect(await bookingsOf(provider.id)).toEqual([]);
    // The booking page offers exactly the states the booking accepts.
    expect(await telehealthStatesBySlug(provider.slug, NOW)).toEqual(["NJ", "NY"]);
    expect(await telehealthStatesBySlug("no-such-provider", NOW)).toEqual([]);
  });

  it("from a licensed state other than the clinic's is accepted, and the patient's booking names the state", async () => {
    const { provider, request } = await videoClinic("Dr. Ben Video");
    const patient = await createUser("patient");
    const result = await createBooking(patient, request(at(3, 10), "NJ"), NOW);
    expect(result).toMatchObject({ ok: true, status: "requested" });
    expect(await bookingsOf(provider.id)).toEqual([expect.objectContaining({ status: "requested", patientState: "NJ" })]);
    expect(await getPatientBooking(patient, result.ok ? result.id : "")).toMatchObject({ telehealth: true, patientState: "NJ" });
  });

  it("is refused where the license has expired or is not yet verified", async () => {
    const { provider, request } = await videoClinic("Dr. Cy Video", [
      stateLicense("NJ", { expiresOn: "2026-11-30" }),
      stateLicense("PA", { status: "pending", verifiedAt: null, sourceNote: null }),
      stateLicense("CT", { status: "rejected", verifiedAt: null, rejectionReason: "Not found in the state register." }),
    ]);
    for (const state of ["NJ", "PA", "CT"]) {
      expect(await createBooking(await createUser("patient"), request(at(3, 10), state), NOW)).toEqual({
        ok: false,
        reason: "unlicensed_state",
        message: "Dr. Cy Video can see patients by video in New York.",
        licensedStates: ["NY"],
      });
    }
    expect(await bookingsOf(provider.id)).toEqual([]);
  });

  it("on a type that is not offered by video is refused, not quietly booked in person", async () => {
    const { provider, request } = await videoClinic("Dr. Dee InPerson", [], false);
    expect(await createBooking(await createUser("patient"), request(at(3, 10), "NY"), NOW)).toEqual({
      ok: false,
      reason: "invalid",
      message: TELEHEALTH_NOT_OFFERED,
      fieldErrors: { telehealth: TELEHEALTH_NOT_OFFERED },
    });
    expect(await bookingsOf(provider.id)).toEqual([]);
  });

  it("two telehealth requests for one slot at once: exactly one is stored, the other is told the time was taken", async () => {
    const { provider, request } = await videoClinic("Dr. Eve Race");
    const [a, b] = [await createUser("patient"), await createUser("patient")];
    const results = await Promise.all([createBooking(a, request(at(3, 10), "NJ"), NOW), createBooking(b, request(at(3, 10), "NY"), NOW)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, reason: "taken", message: SLOT_TAKEN })]);
    expect(await bookingsOf(provider.id)).toHaveLength(1);
  });

  it("is cancelled when the license of the patient's state lapses, while visits licensed elsewhere stay", async () => {
    const { providerUser, provider, request } = await videoClinic("Dr. Flo Lapse", [stateLicense("NJ", { expiresOn: "2026-12-05" })]);
    const fromNewJersey = await createBooking(await createUser("patient"), request(at(8, 10), "NJ"), NOW);
    const fromNewYork = await createBooking(await createUser("patient"), request(at(8, 11), "NY"), NOW);
    const inPerson = await createBooking(await createUser("patient"), request(at(8, 12)), NOW);
    const ids = [fromNewJersey, fromNewYork, inPerson].map((r) => (r.ok ? r.id : ""));
    for (const id of ids) expect(await confirmBooking(providerUser, id, NOW)).toMatchObject({ ok: true });

    await cancelBookingsWithoutLicense(new Date("2026-12-06T01:00:00Z"));
    const statuses = new Map((await bookingsOf(provider.id)).map((b) => [b.id, b.status]));
    expect(ids.map((id) => statuses.get(id))).toEqual(["cancelled", "confirmed", "confirmed"]);
  });

  it("keeps the clinic's license from licensing a video visit: a lapsed clinic-state license cancels in-person visits only", async () => {
    const { providerUser, provider, request } = await videoClinic("Dr. Gus Clinic");
    const db = await getDb();
    const fromNewJersey = await createBooking(await createUser("patient"), request(at(8, 10), "NJ"), NOW);
    const inPerson = await createBooking(await createUser("patient"), request(at(8, 11)), NOW);
    const ids = [fromNewJersey, inPerson].map((r) => (r.ok ? r.id : ""));
    for (const id of ids) expect(await confirmBooking(providerUser, id, NOW)).toMatchObject({ ok: true });
    await db.update(licenses).set({ expiresOn: "2026-12-05" }).where(and(eq(licenses.providerId, provider.id), eq(licenses.state, "NY")));

    await cancelBookingsWithoutLicense(new Date("2026-12-06T01:00:00Z"));
    const statuses = new Map((await bookingsOf(provider.id)).map((b) => [b.id, b.status]));
    expect(ids.map((id) => statuses.get(id))).toEqual(["confirmed", "cancelled"]);
  });
});
