import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, licenses, locations, providers, users } from "@/db/schema";
import { createProvider, createUser, npiLicense, seedReferenceData, stateLicense, validNpi, type TestUser } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { submitNpi, submitStateLicense } from "@/lib/licensing/queries";
import { approveLicense } from "@/lib/licensing/review";
import { stateLicenseSchema } from "@/lib/licensing/validation";
import { getListedProvider, getOwnProfilePreview } from "@/lib/providers/queries";
import { saveAppointmentType, saveWeeklyHours } from "@/lib/scheduling/settings";
import { appointmentTypeSchema, weeklyHoursSchema } from "@/lib/scheduling/validation";
import { parseSearchFilters, searchProviders } from "@/lib/search/queries";
import { listingChecklist } from "./blockers";
import { addLocation, getOwnChecklist, getOwnListing, removeLocation, saveListing, setListingPublished } from "./queries";
import { listingSchema, locationSchema } from "./validation";

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

function listing(overrides: Record<string, unknown> = {}) {
  return listingSchema.parse({
    name: "Dr. Nora Quinn",
    credentials: "MD",
    specialty: "Neurology",
    bio: "Headache specialist.",
    yearsExperience: "12",
    languages: ["en", "es"],
    gender: "female",
    telehealth: "on",
    selfPay: "on",
    carriers: ["aetna"],
    pricePerUnitCents: "14.50",
    cancellationWindowHours: "24",
    cancellationPolicy: "Cancel a day ahead.",
    conditions: { "chronic-migraine": { yearsTreating: "8", note: "PREEMPT protocol." } },
    ...overrides,
  });
}

const midtown = () => locationSchema.parse({ name: "Midtown office", addressLine1: "425 Park Ave", zip: "10016" });

async function search(query: string) {
  const parsed = await parseSearchFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return (await searchProviders(parsed.filters)).results.map((r) => r.name);
}

let admin: TestUser;
beforeAll(async () => {
  await seedReferenceData();
  admin = await createUser("admin");
});

describe("a provider's listing", () => {
  it("is created as a draft with its conditions and insurance, then updated in place", async () => {
    const user = await createUser("provider");
    expect(await getOwnListing(user)).toBeNull();
    expect(await saveListing(user, listing())).toEqual({ ok: true });
    const created = await getOwnListing(user);
    expect(created).toMatchObject({
      name: "Dr. Nora Quinn",
      slug: expect.stringMatching(/^dr-nora-quinn-md/),
      listingStatus: "draft",
      pricePerUnitCents: 1450,
      languages: ["en", "es"],
      carriers: ["aetna"],
      conditions: [{ slug: "chronic-migraine", yearsTreating: 8, note: "PREEMPT protocol." }],
    });

    await saveListing(user, listing({ carriers: [], conditions: { "tmj-jaw-pain": { yearsTreating: "2" } }, name: "Dr. Nora Quinn-Lee" }));
    const updated = await getOwnListing(user);
    expect(updated).toMatchObject({ id: created!.id, slug: created!.slug, name: "Dr. Nora Quinn-Lee", carriers: [] });
    expect(updated!.conditions.map((c) => c.slug)).toEqual(["tmj-jaw-pain"]);
  });

  it("refuses an unknown condition or carrier and writes nothing", async () => {
    const user = await createUser("provider");
    const result = await saveListing(user, listing({ conditions: { "made-up": { yearsTreating: "1" } }, carriers: ["nope"] }));
    expect(result).toEqual({ ok: false, fieldErrors: { conditions: "Choose conditions from the list.", carriers: "Choose insurance carriers from the list." } });
    expect(await getOwnListing(user)).toBeNull();
  });

  it("geocodes a location from its ZIP code and picks its time zone", async () => {
    const user = await createUser("provider");
    expect(await addLocation(user, midtown())).toEqual({ ok: false, error: expect.stringMatching(/Start your listing/) });
    await saveListing(user, listing());
    expect(await addLocation(user, midtown())).toEqual({ ok: true });
    expect(await addLocation(user, locationSchema.parse({ name: "El Paso", addressLine1: "1 Mesa St", zip: "79901" }))).toEqual({ ok: true });
    const { locations: rows } = (await getOwnListing(user))!;
    expect(rows.map((l) => [l.city, l.state, l.timeZone])).toEqual([
      ["New York", "NY", "America/New_York"],
      ["El Paso", "TX", "America/Denver"],
    ]);
    expect(await addLocation(user, locationSchema.parse({ name: "Nowhere", addressLine1: "1 Main St", zip: "00000" }))).toEqual({
      ok: false,
      fieldErrors: { zip: expect.stringMatching(/couldn't find ZIP code 00000/) },
    });
  });

  it("removes only the provider's own locations", async () => {
    const owner = await createUser("provider");
    const other = await createUser("provider");
    await saveListing(owner, listing());
    await saveListing(other, listing({ name: "Dr. Other Person" }));
    await addLocation(owner, midtown());
    const [location] = (await getOwnListing(owner))!.locations;
    expect(await removeLocation(other, location!.id, 0)).toEqual({ ok: false, error: expect.stringMatching(/already removed/) });
    const db = await getDb();
    expect(await db.$count(locations, eq(locations.id, location!.id))).toBe(1);
    expect(await removeLocation(owner, location!.id, 0)).toEqual({ ok: true });
    expect(await db.$count(locations, eq(locations.id, location!.id))).toBe(0);
  });

  it("cannot be read or written by a patient or an admin", async () => {
    const patient = await createUser("patient");
    await expect(saveListing(patient, listing())).rejects.toThrow(ForbiddenError);
    await expect(getOwnListing(admin)).rejects.toThrow(ForbiddenError);
    await expect(setListingPublished(patient, true)).rejects.toThrow(ForbiddenError);
  });
});

describe("from sign-up to search", () => {
  it("refuses to publish for a provider who has not confirmed their email, and the checklist says why", async () => {
    const user = await createUser("provider", "Dr. Unconfirmed", { verified: false });
    await saveListing(user, listing({ name: "Dr. Unconfirmed" }));
    expect(await setListingPublished(user, true)).toEqual({ ok: false, error: expect.stringMatching(/^Confirm your email address before you publish/) });
    const db = await getDb();
    const [row] = await db.select({ status: providers.listingStatus }).from(providers).where(eq(providers.userId, user.id));
    expect(row!.status).toBe("draft");
    expect((await getOwnChecklist(user))!.blockers[0]).toMatchObject({ code: "email-unverified", href: "/account" });

    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    expect(await setListingPublished(user, true)).toEqual({ ok: true });
    expect((await getOwnChecklist(user))!.blockers.map((b) => b.code)).not.toContain("email-unverified");
  });

  it("lists a provider only after publishing and an admin verifying the NPI and the state license", async () => {
    const user = await createUser("provider");
    await saveListing(user, listing({ name: "Dr. Journey Test" }));
    await addLocation(user, midtown());
    await setListingPublished(user, true);
    const npi = await submitNpi(user, { number: validNpi() });
    expect(npi.ok).toBe(true);
    await submitStateLicense(user, stateLicenseSchema(new Date().toISOString().slice(0, 10)).parse({ state: "NY", number: "301234", expiresOn: inAYear }));

    const checklist = await getOwnChecklist(user);
    expect(checklist!.listed).toBe(false);
    const bookable = [
      "Add an initial consultation type: it is what patients book first, and its fee is the price search shows.",
      "Add weekly hours for New York: patients can book only the times you open.",
    ];
    expect(checklist!.blockers.map((b) => b.message)).toEqual([
      "Your NPI is pending review.",
      "Your NY license is pending review, so your New York location is not listed yet.",
      ...bookable,
    ]);
    expect(await search("condition=chronic-migraine&near=10016")).not.toContain("Dr. Journey Test");

    const db = await getDb();
    const own = await db.select({ id: licenses.id }).from(licenses).innerJoin(providers, eq(providers.id, licenses.providerId)).where(eq(providers.userId, user.id));
    for (const { id } of own) expect(await approveLicense(admin, { id, sourceNote: "Checked the registry" })).toMatchObject({ ok: true });

    // Licensed, but with nothing to book: not listed, and told what is missing.
    expect((await getOwnChecklist(user))!).toMatchObject({ listed: false, listedStates: ["NY"], blockers: bookable.map((message) => ({ message, href: "/provider/schedule" })) });
    expect(await search("condition=chronic-migraine&near=10016")).not.toContain("Dr. Journey Test");
    const consultation = { kind: "initial_consultation", name: "New patient consultation", minutes: "30", bufferAfterMinutes: "0", feeCents: "250", depositCents: "0" };
    expect(await saveAppointmentType(user, appointmentTypeSchema.parse(consultation))).toMatchObject({ ok: true });
    expect((await getOwnChecklist(user))!.blockers.map((b) => b.message)).toEqual([bookable[1]]);
    expect(await search("condition=chronic-migraine&near=10016")).not.toContain("Dr. Journey Test");
    const [location] = await db.select({ id: locations.id }).from(locations).innerJoin(providers, eq(providers.id, locations.providerId)).where(eq(providers.userId, user.id));
    expect(await saveWeeklyHours(user, weeklyHoursSchema.parse({ locationId: location!.id, "day-2": "9:00-17:00" }))).toMatchObject({ ok: true });

    expect((await getOwnChecklist(user))!).toMatchObject({ listed: true, listedStates: ["NY"], blockers: [] });
    expect(await search("condition=chronic-migraine&near=10016")).toContain("Dr. Journey Test");

    await setListingPublished(user, false);
    expect(await search("condition=chronic-migraine&near=10016")).not.toContain("Dr. Journey Test");
    const actions = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorId, user.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["listing.created", "location.added", "listing.published", "license.submitted", "listing.unpublished"]),
    );
  });

  it("previews an unlisted profile to its owner with every location", async () => {
    const user = await createUser("provider");
    await saveListing(user, listing({ name: "Dr. Preview Only" }));
    await addLocation(user, midtown());
    const preview = await getOwnProfilePreview(user);
    expect(preview).toMatchObject({ name: "Dr. Preview Only", locations: [{ city: "New York" }], licenses: [] });
    expect(await getListedProvider(preview!.slug)).toBeNull();
  });
});

describe("the checklist and the trust rule agree", () => {
  const cases = [
    { name: "Agree Listed", spec: {} },
    { name: "Agree Npi Pending", spec: { licenses: [npiLicense({ status: "pending", verifiedAt: null }), stateLicense("NY")] } },
    { name: "Agree No Npi", spec: { licenses: [stateLicense("NY")] } },
    { name: "Agree Expired", spec: { licenses: [npiLicense(), stateLicense("NY", { expiresOn: "2020-01-01" })] } },
    { name: "Agree Rejected", spec: { licenses: [npiLicense(), stateLicense("NY", { status: "rejected", verifiedAt: null, rejectionReason: "No record" })] } },
    { name: "Agree Wrong State", spec: { licenses: [npiLicense(), stateLicense("NJ")] } },
    { name: "Agree Draft", spec: { provider: { listingStatus: "draft" as const } } },
    { name: "Agree No Consultation", spec: { appointmentTypes: [{ kind: "treatment" as const, name: "Treatment" }] } },
    { name: "Agree Archived Consultation", spec: { appointmentTypes: [{ archivedAt: new Date("2026-01-01T00:00:00Z") }, { kind: "follow_up" as const, name: "Follow-up" }] } },
    { name: "Agree No Hours", spec: { hours: [] } },
    { name: "Agree Suspended", spec: { provider: { suspendedAt: new Date("2026-01-01T00:00:00Z"), suspensionReason: "Complaint under review" } } },
  ];

  it.each(cases)("$name", async ({ name, spec }) => {
    const user = await createUser("provider");
    const created = await createProvider({ name, ...spec, provider: { ...spec.provider, userId: user.id } });
    const checklist = await getOwnChecklist(user);
    const listed = (await getListedProvider(created.slug)) !== null;
    expect(checklist!.listed).toBe(listed);
    expect(checklist!.blockers.length === 0).toBe(listed);
  });

  it("names the state and city a missing license keeps out", () => {
    const result = listingChecklist({
      listingStatus: "published",
      suspendedAt: null,
      suspensionReason: null,
      conditionCount: 1,
      hasConsultation: true,
      locations: [{ name: "Midtown", city: "New York", state: "NY", hasHours: true }, { name: "Congress Ave", city: "Austin", state: "TX", hasHours: true }],
      licenses: [
        { kind: "npi", state: null, status: "verified", expiresOn: null, rejectionReason: null },
        { kind: "state", state: "NY", status: "verified", expiresOn: "2030-01-01", rejectionReason: null },
      ],
      today: "2026-11-25",
      emailVerified: true,
    });
    expect(result).toEqual({
      listed: true,
      listedStates: ["NY"],
      blockers: [{ code: "state-TX", message: "No verified license for TX, where your Austin location is. Submit your TX license.", href: "/provider/licenses" }],
    });
  });
});

describe("the checklist's bookable items", () => {
  const base = {
    listingStatus: "published" as const,
    suspendedAt: null,
    suspensionReason: null,
    conditionCount: 1,
    licenses: [
      { kind: "npi" as const, state: null, status: "verified" as const, expiresOn: null, rejectionReason: null },
      { kind: "state" as const, state: "TX", status: "verified" as const, expiresOn: "2030-01-01", rejectionReason: null },
    ],
    today: "2026-11-25",
    emailVerified: true,
  };

  it("names a location without hours by its city, or by its name when the city has two", () => {
    const result = listingChecklist({
      ...base,
      hasConsultation: true,
      locations: [
        { name: "Ortiz TMJ North", city: "Austin", state: "TX", hasHours: false },
        { name: "Ortiz TMJ South", city: "Austin", state: "TX", hasHours: true },
        { name: "Round Rock office", city: "Round Rock", state: "TX", hasHours: false },
      ],
    });
    expect(result.listed).toBe(true);
    expect(result.blockers.map((b) => b.message)).toEqual([
      "Add weekly hours for Ortiz TMJ North: patients can book only the times you open.",
      "Add weekly hours for Round Rock: patients can book only the times you open.",
    ]);
  });

  it("is not listed while no licensed location has hours, or there is no consultation to book", () => {
    const austin = { name: "Congress Ave", city: "Austin", state: "TX", hasHours: true };
    expect(listingChecklist({ ...base, hasConsultation: true, locations: [{ ...austin, hasHours: false }] }).listed).toBe(false);
    expect(listingChecklist({ ...base, hasConsultation: false, locations: [austin] })).toMatchObject({ listed: false, blockers: [{ code: "no-consultation", href: "/provider/schedule" }] });
    expect(listingChecklist({ ...base, hasConsultation: true, locations: [austin] })).toMatchObject({ listed: true, blockers: [] });
  });
});
