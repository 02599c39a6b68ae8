import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import {
  accountTokens,
  appointmentTypes,
  bookings,
  diaryEntries,
  diaryScores,
  diarySharing,
  licenses,
  locations,
  payments,
  providerPhotos,
  providers,
  reviewReports,
  reviews,
  timeOff,
  treatmentIntervalOverrides,
  treatments,
  users,
  waitlistEntries,
  weeklyHours,
} from "@/db/schema";
import { API_INTAKE, createProvider, createUser, npiLicense, seedReferenceData, stateLicense, type TestUser, validNpi } from "@/db/testing/fixtures";
import { NOT_ALLOWED, NOT_SIGNED_IN } from "@/lib/actions/validated-action";
import { intakeSchema } from "@/lib/booking/intake";
import { newBookingRow } from "@/lib/booking/booking-row";
import { createBooking } from "@/lib/booking/queries";
import { checkoutEvent } from "@/lib/payments/test-mode";
import { getAvailability } from "@/lib/scheduling/queries";
import { sealTreatment } from "@/lib/treatments/records";
import { newLinkToken } from "./link-tokens";
import { hashPassword } from "./password";
import { getCurrentUser } from "./session";
import { actAs } from "./testing/acting-user";

// Every server action and route handler × every kind of caller, called for real against the
// database. "provider" owns the listing each call targets; "otherProvider" is a different provider
// aiming at that same listing. A write is "allowed" when the owner's data changed, a read when it
// answered 2xx. The test fails for any action or route in app/ that the table does not list.

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("./testing/acting-user")).fakeAuth,
  // Writing the session cookie needs a live request; the e2e tests cover it.
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
}));
// Actions that count requests per client read the request's headers; there is no request here.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// Cache invalidation and request-scope markers need a live request; neither decides access.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
  after: () => {},
}));

type Caller = "anonymous" | "patient" | "provider" | "otherProvider" | "admin";
const CALLERS: Caller[] = ["anonymous", "patient", "provider", "otherProvider", "admin"];
const EVERYONE = CALLERS;

type World = { users: Record<Exclude<Caller, "anonymous">, TestUser>; owner: { id: string; slug: string; typeIds: string[]; locationIds: string[] } };
type Probe = (world: World) => Promise<boolean>;
type Entry = { allowed: readonly Caller[]; probe: Probe };

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
// A 1×1 WebP, as uploads are stored (re-encoded); probes that need a stored photo insert it directly.
const WEBP = Buffer.from("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAUAmJaQAA3AA/vz0AAA=", "base64");
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

function form(fields: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

declare global {
  interface ImportMeta {
    /** Vite's glob import (vite itself is vitest's dependency, so its types are not ours to reference). */
    glob<T>(patterns: string[]): Record<string, () => Promise<T>>;
  }
}

// Every module under app/, loaded on demand, keyed "app/…" like the matrix.
const APP_MODULES: Record<string, () => Promise<Record<string, unknown>>> = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>(["/app/**/*.ts", "/app/**/*.tsx"])).map(([path, load]) => [path.slice(1), load]),
);

async function load<T>(path: string): Promise<Record<string, T>> {
  const loader = APP_MODULES[path];
  if (!loader) throw new Error(`no module ${path}`);
  return (await loader()) as Record<string, T>;
}

type ActionResult = { error?: string } | undefined | void;
type FormAction = (previous: never, formData: FormData) => Promise<ActionResult>;

async function callAction(path: string, name: string, fields: Record<string, string | string[] | Blob> = {}): Promise<ActionResult> {
  const exported = await load<FormAction>(path);
  try {
    return await exported[name]!({} as never, form(fields));
  } catch (error) {
    // An action that ends on another page (a move, a deletion) throws Next's redirect: it ran.
    if (isRedirectError(error)) return undefined;
    throw error;
  }
}

function rethrowUnlessRedirect(error: unknown): undefined {
  if (String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT")) return undefined;
  throw error;
}

/** Public actions: allowed unless they answered with an authorization refusal. */
const publicAction = (path: string, name: string, fields: Record<string, string>): Probe => async () => {
  const result = await callAction(path, name, fields);
  return !(result && (result.error === NOT_SIGNED_IN || result.error === NOT_ALLOWED));
};

async function ownerRow(world: World) {
  const db = await getDb();
  const [row] = await db.select().from(providers).where(eq(providers.id, world.owner.id));
  return row!;
}

async function accountStatus(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: users.status }).from(users).where(eq(users.id, userId));
  return row!.status;
}

async function ownerLicenses(world: World) {
  const db = await getDb();
  return db.select().from(licenses).where(eq(licenses.providerId, world.owner.id));
}

async function addPendingLicense(world: World, state: string) {
  const db = await getDb();
  const [row] = await db
    .insert(licenses)
    .values({ providerId: world.owner.id, kind: "state", state, number: `${state}-${Math.random().toString(36).slice(2, 8)}`, expiresOn: inAYear() })
    .returning({ id: licenses.id });
  return row!.id;
}

/** Puts the owner's listing back in search (earlier probes unpublish it and change its NPI), for probes of public reads. */
async function ensureListed(world: World) {
  const db = await getDb();
  await db.update(providers).set({ listingStatus: "published", suspendedAt: null }).where(eq(providers.id, world.owner.id));
  await db
    .update(licenses)
    .set({ status: "verified", verifiedAt: new Date(), sourceNote: "test" })
    .where(and(eq(licenses.providerId, world.owner.id), eq(licenses.kind, "npi")));
}

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function get(handlerPath: string, url: string, params: Record<string, string | string[]> = {}): Promise<boolean> {
  const exported = await load<RouteHandler>(handlerPath);
  const response = await exported.GET!(new NextRequest(new URL(url, "http://localhost:3000")), { params: Promise.resolve(params) });
  return response.status >= 200 && response.status < 300;
}

const PROVIDER = ["provider"] as const;
const PATIENT = ["patient"] as const;

let pastShifts = 0;

/** Probes keep booking as the world's patient; earlier probes' open requests have served, and would hit the cap of 3. */
async function clearOpenRequests(world: World) {
  const db = await getDb();
  await db
    .update(bookings)
    .set({ status: "cancelled" })
    .where(and(eq(bookings.patientId, world.users.patient.id), inArray(bookings.status, ["requested", "pending_payment"])));
}

/** A booking of the world's patient with the owner, in the next free slot, in `status`. */
async function ownerBooking(world: World, status: "requested" | "confirmed" | "pending_payment" = "requested", past = false): Promise<string> {
  await clearOpenRequests(world);
  const slot = await nextFreeSlot(world);
  const patient = world.users.patient;
  const result = await createBooking(
    { ...patient },
    { providerSlug: world.owner.slug, appointmentTypeId: world.owner.typeIds[0]!, locationId: slot.locationId, start: slot.start, telehealth: false, intake: intakeSchema.parse(API_INTAKE) },
  );
  if (!result.ok) throw new Error(result.message);
  const db = await getDb();
  // Moved into the past by a different number of days each time, so the moved bookings never collide.
  const days = `${60 + ++pastShifts} days`;
  const shift = past
    ? { startsAt: sql`${bookings.startsAt} - ${days}::interval`, endsAt: sql`${bookings.endsAt} - ${days}::interval`, blockedUntil: sql`${bookings.blockedUntil} - ${days}::interval` }
    : {};
  await db.update(bookings).set({ status, ...shift, ...(status === "pending_payment" ? { holdExpiresAt: new Date(Date.now() + 30 * 60_000) } : {}) }).where(eq(bookings.id, result.id));
  // The checkout the pay page would have opened: the webhook accepts only the session made for it.
  if (status === "pending_payment") await db.insert(payments).values({ bookingId: result.id, amountCents: 1000, checkoutSessionId: `cs_test_local_${result.id}` });
  return result.id;
}

async function bookingRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row!;
}

/** A free slot of the owner's in the coming weeks; each booking probe takes the next one. */
async function nextFreeSlot(world: World) {
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const result = await getAvailability(world.owner.slug, { from, to, type: world.owner.typeIds[0]! });
  if (!result.ok || result.slots.length === 0) throw new Error("the matrix owner has no free slot");
  return result.slots[0]!;
}
const ADMIN = ["admin"] as const;

// ---- reviews: each probe gets a review of its own, by a patient of its own -------------------

/** A review of the owner by a new patient (who had a completed visit), as the probe needs it. */
async function freshReview(world: World, extra: Partial<typeof reviews.$inferInsert> = {}): Promise<string> {
  const author = await createUser("patient");
  await completedVisit(world, author.id, 20);
  const db = await getDb();
  const [row] = await db.insert(reviews).values({ providerId: world.owner.id, patientId: author.id, rating: 4, text: "Matrix review", ...extra }).returning({ id: reviews.id });
  return row!.id;
}

/** A completed visit of `patientId` with the owner, `daysAgo` days ago; its booking id. */
async function completedVisit(world: World, patientId: string, daysAgo: number): Promise<string> {
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.providerId, world.owner.id)).limit(1);
  const type = { id: world.owner.typeIds[0]!, name: "Initial consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 20_000, depositCents: 0 };
  const row = newBookingRow({ providerId: world.owner.id, patientId, location: location!, type, start: new Date(Date.now() - daysAgo * 86_400_000), status: "completed", intake: { matrix: true }, cancellationWindowHours: 24 });
  await db.insert(bookings).values(row);
  return row.id;
}

/** A new patient's treatment with the owner, recorded ten days ago; its booking id. */
async function ownerTreatment(world: World): Promise<string> {
  const patient = await createUser("patient");
  const bookingId = await completedVisit(world, patient.id, 10);
  const db = await getDb();
  const treatedOn = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await db.insert(treatments).values({ bookingId, patientId: patient.id, providerId: world.owner.id, treatedOn, detailsCiphertext: sealTreatment(bookingId, { product: "botox", units: 155, regions: "forehead", lot: "" }) });
  return bookingId;
}

/** The world's patient may write a review of the owner now: a recent completed visit, no review yet. */
async function patientMayReview(world: World) {
  await ensureListed(world);
  const db = await getDb();
  await db.delete(reviews).where(and(eq(reviews.providerId, world.owner.id), eq(reviews.patientId, world.users.patient.id)));
  await completedVisit(world, world.users.patient.id, 10);
}

async function patientReview(world: World) {
  const db = await getDb();
  const [row] = await db.select().from(reviews).where(and(eq(reviews.providerId, world.owner.id), eq(reviews.patientId, world.users.patient.id)));
  return row;
}

async function reviewRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
  return row!;
}

const reviewRequest = (world: World, method: "POST" | "PATCH", body: unknown) =>
  new NextRequest(`http://localhost:3000/api/providers/${world.owner.slug}/reviews`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

let diaryDays = 0;
/** A different past day for each diary probe, so every write is a new row to count. */
const nextDiaryDay = () => new Date(Date.now() - ++diaryDays * 86_400_000).toISOString().slice(0, 10);
const diaryCount = async (world: World) => (await getDb()).$count(diaryEntries, eq(diaryEntries.patientId, world.users.patient.id));
const scoreCount = async (world: World) => (await getDb()).$count(diaryScores, eq(diaryScores.patientId, world.users.patient.id));
async function patientDiaryDay(world: World): Promise<string> {
  const day = nextDiaryDay();
  await (await getDb()).insert(diaryEntries).values({ patientId: world.users.patient.id, day, headache: false, migraine: false, pain: 0, hours: 0, acuteMedicine: false });
  return day;
}
const jsonRequest = (url: string, method: string, body: unknown) =>
  new NextRequest(new URL(url, "http://localhost:3000"), { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const MATRIX: Record<string, Entry> = {
  "app/(auth)/sign-in/sign-in-action.ts#signInAction": {
    allowed: EVERYONE,
    probe: publicAction("app/(auth)/sign-in/sign-in-action.ts", "signInAction", { email: "nobody@example.com", password: "not the password" }),
  },
  "app/(auth)/sign-up/sign-up-action.ts#signUpAction": {
    allowed: EVERYONE,
    probe: publicAction("app/(auth)/sign-up/sign-up-action.ts", "signUpAction", { name: "New Person", email: `new-${Math.random()}@example.com`, password: "long enough password", role: "patient" }),
  },
  "app/(auth)/forgot-password/request-password-reset-action.ts#requestPasswordResetAction": {
    allowed: EVERYONE,
    probe: publicAction("app/(auth)/forgot-password/request-password-reset-action.ts", "requestPasswordResetAction", { email: `nobody-${Math.random()}@example.com` }),
  },
  "app/(auth)/reset-password/reset-password-action.ts#resetPasswordAction": {
    // The link is the authority: anyone holding one may use it, signed in or not.
    allowed: EVERYONE,
    probe: publicAction("app/(auth)/reset-password/reset-password-action.ts", "resetPasswordAction", { token: "x".repeat(43), password: "long enough password" }),
  },
  "app/(auth)/verify-email/verify-email-action.ts#verifyEmailAction": {
    // The link is the authority, as with a reset link: anyone holding one may open it, signed in or not.
    allowed: EVERYONE,
    probe: async () => {
      const unverified = await createUser("patient", "Not Yet Confirmed", { verified: false });
      const { token, hash } = newLinkToken();
      const db = await getDb();
      await db.insert(accountTokens).values({ tokenHash: hash, userId: unverified.id, purpose: "email_verification", expiresAt: new Date(Date.now() + 3_600_000) });
      // Success ends in a redirect, which Next throws.
      await callAction("app/(auth)/verify-email/verify-email-action.ts", "verifyEmailAction", { token }).catch(rethrowUnlessRedirect);
      const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, unverified.id));
      return row!.at !== null;
    },
  },
  "app/account/resend-verification-action.ts#resendVerificationAction": {
    // Every signed-in caller, for their own address: allowed when a new link was made for the caller.
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      const caller = await getCurrentUser();
      const db = await getDb();
      if (caller) await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, caller.id));
      try {
        await callAction("app/account/resend-verification-action.ts", "resendVerificationAction", { returnTo: "/account" });
        return caller !== null && (await db.$count(accountTokens, and(eq(accountTokens.userId, caller.id), eq(accountTokens.purpose, "email_verification")))) > 0;
      } finally {
        if (caller) await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, caller.id));
      }
    },
  },
  "app/account/change-email-action.ts#changeEmailAction": {
    // Every signed-in caller, for their own account: allowed when a change link was made for the caller.
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      const caller = await getCurrentUser();
      const db = await getDb();
      if (caller) await db.update(users).set({ passwordHash: await hashPassword("the matrix password") }).where(eq(users.id, caller.id));
      await callAction("app/account/change-email-action.ts", "changeEmailAction", { newEmail: `moved-${Math.random().toString(36).slice(2, 10)}@example.com`, password: "the matrix password" });
      return caller !== null && (await db.$count(accountTokens, and(eq(accountTokens.userId, caller.id), eq(accountTokens.purpose, "email_change")))) > 0;
    },
  },
  "app/sign-out-action.ts#signOutAction": {
    // Anyone may sign out; it ends only the caller's own session.
    allowed: EVERYONE,
    probe: async () => {
      const { signOutAction } = await load<() => Promise<void>>("app/sign-out-action.ts");
      await signOutAction!();
      return (await getCurrentUser()) === null;
    },
  },
  "app/account/sign-out-everywhere-action.ts#signOutEverywhereAction": {
    // Every signed-in caller, for their own sessions: allowed when the caller's session ended.
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      const before = await getCurrentUser();
      await callAction("app/account/sign-out-everywhere-action.ts", "signOutEverywhereAction");
      return before !== null && (await getCurrentUser()) === null;
    },
  },
  "app/account/change-name-action.ts#changeNameAction": {
    // Every signed-in caller, for their own name: allowed when the caller's name changed.
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      const name = `Renamed ${Math.random().toString(36).slice(2, 8)}`;
      await callAction("app/account/change-name-action.ts", "changeNameAction", { name });
      return (await getCurrentUser())?.name === name;
    },
  },
  "app/account/notification-settings-action.ts#saveNotificationSettingsAction": {
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      // Turns reminders off for the caller (or tries to); allowed when the caller's setting changed.
      const user = await getCurrentUser();
      const db = await getDb();
      const reminders = async () => (user ? (await db.select({ on: users.bookingReminders }).from(users).where(eq(users.id, user.id)))[0]!.on : null);
      if (user) await db.update(users).set({ bookingReminders: true }).where(eq(users.id, user.id));
      await callAction("app/account/notification-settings-action.ts", "saveNotificationSettingsAction", {});
      return (await reminders()) === false;
    },
  },
  "app/account/password/change-password-action.ts#changePasswordAction": {
    // The matrix's accounts have no usable password, so "allowed" is reaching the password check.
    allowed: ["patient", "provider", "otherProvider", "admin"],
    probe: async () => {
      const result = await callAction("app/account/password/change-password-action.ts", "changePasswordAction", { currentPassword: "a guess at it", password: "a brand new password" });
      return (result as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors?.currentPassword === "That is not your current password.";
    },
  },
  "app/account/delete/delete-account-action.ts#deleteAccountAction": {
    allowed: ["patient", "provider", "otherProvider"],
    probe: async () => {
      const result = await callAction("app/account/delete/delete-account-action.ts", "deleteAccountAction", { password: "a guess at it" });
      return (result as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors?.password === "That is not your password. Nothing was changed.";
    },
  },
  "app/provider/set-published-action.ts#setPublishedAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const before = (await ownerRow(world)).listingStatus;
      await callAction("app/provider/set-published-action.ts", "setPublishedAction", { publish: before === "published" ? "off" : "on" });
      return (await ownerRow(world)).listingStatus !== before;
    },
  },
  "app/provider/listing/save-listing-action.ts#saveListingAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const name = `Dr. Renamed ${Math.random().toString(36).slice(2, 8)}`;
      await callAction("app/provider/listing/save-listing-action.ts", "saveListingAction", {
        name,
        credentials: "MD",
        specialty: "Neurology",
        yearsExperience: "5",
        languages: "en",
        gender: "female",
        cancellationWindowHours: "24",
        conditions: "chronic-migraine",
      });
      return (await ownerRow(world)).name === name;
    },
  },
  "app/provider/listing/upload-photo-action.ts#uploadPhotoAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const before = (await ownerRow(world)).photoUrl;
      await callAction("app/provider/listing/upload-photo-action.ts", "uploadPhotoAction", { photo: new File([PNG], "me.png", { type: "image/png" }) });
      return (await ownerRow(world)).photoUrl !== before;
    },
  },
  "app/provider/listing/remove-photo-action.ts#removePhotoAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const [photo] = await db.insert(providerPhotos).values({ providerId: world.owner.id, contentType: "image/webp", bytes: WEBP }).returning({ id: providerPhotos.id });
      await db.update(providers).set({ photoUrl: `/api/photos/${photo!.id}` }).where(eq(providers.id, world.owner.id));
      await callAction("app/provider/listing/remove-photo-action.ts", "removePhotoAction");
      return (await ownerRow(world)).photoUrl === null;
    },
  },
  "app/provider/locations/add-location-action.ts#addLocationAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const count = () => db.$count(locations, eq(locations.providerId, world.owner.id));
      const before = await count();
      await callAction("app/provider/locations/add-location-action.ts", "addLocationAction", { name: "Second office", addressLine1: "1 Main St", zip: "10016" });
      return (await count()) > before;
    },
  },
  "app/provider/locations/remove-location-action.ts#removeLocationAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const [location] = await db
        .insert(locations)
        .values({ providerId: world.owner.id, name: "Doomed", addressLine1: "1 St", city: "New York", state: "NY", zip: "10016", latitude: 40.7, longitude: -73.9, timeZone: "America/New_York" })
        .returning({ id: locations.id });
      await callAction("app/provider/locations/remove-location-action.ts", "removeLocationAction", { id: location!.id });
      return (await db.$count(locations, eq(locations.id, location!.id))) === 0;
    },
  },
  "app/provider/licenses/submit-npi-action.ts#submitNpiAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const number = validNpi();
      await callAction("app/provider/licenses/submit-npi-action.ts", "submitNpiAction", { number });
      return (await ownerLicenses(world)).some((l) => l.number === number);
    },
  },
  "app/provider/licenses/submit-state-license-action.ts#submitStateLicenseAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const number = `MX${Math.floor(Math.random() * 1e6)}`;
      await callAction("app/provider/licenses/submit-state-license-action.ts", "submitStateLicenseAction", { state: "NJ", number, expiresOn: inAYear() });
      return (await ownerLicenses(world)).some((l) => l.number === number);
    },
  },
  "app/provider/licenses/update-state-license-action.ts#updateStateLicenseAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await addPendingLicense(world, "CT");
      await callAction("app/provider/licenses/update-state-license-action.ts", "updateStateLicenseAction", { id, state: "CT", number: "CHANGED-1", expiresOn: inAYear() });
      return (await ownerLicenses(world)).some((l) => l.id === id && l.number === "CHANGED-1");
    },
  },
  "app/provider/licenses/submit-board-certification-action.ts#submitBoardCertificationAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const number = `B${Math.floor(Math.random() * 1e6)}`;
      await callAction("app/provider/licenses/submit-board-certification-action.ts", "submitBoardCertificationAction", { issuer: "American Board of Neurology", number, expiresOn: "" });
      return (await ownerLicenses(world)).some((l) => l.number === number);
    },
  },
  "app/provider/licenses/withdraw-license-action.ts#withdrawLicenseAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await addPendingLicense(world, "VT");
      await callAction("app/provider/licenses/withdraw-license-action.ts", "withdrawLicenseAction", { id });
      return !(await ownerLicenses(world)).some((l) => l.id === id);
    },
  },
  "app/providers/[slug]/book/request-consultation-action.ts#requestConsultationAction": {
    allowed: PATIENT,
    probe: async (world) => {
      await ensureListed(world);
      await clearOpenRequests(world);
      const slot = await nextFreeSlot(world);
      const db = await getDb();
      const count = () => db.$count(bookings, eq(bookings.providerId, world.owner.id));
      const before = await count();
      const fields = {
        providerSlug: world.owner.slug,
        appointmentTypeId: world.owner.typeIds[0]!,
        locationId: slot.locationId,
        start: slot.start,
        condition: "chronic-migraine",
        symptoms: "Headaches",
        duration: "1-5-years",
        painScore: "6",
        headacheDaysPerMonth: "15",
        "safety.neuromuscularDisease": "no",
        "safety.pregnantOrBreastfeeding": "no",
        "safety.infectionAtSite": "no",
        "safety.priorReaction": "no",
        payment: "self-pay",
        consent: "yes",
      };
      try {
        await callAction("app/providers/[slug]/book/request-consultation-action.ts", "requestConsultationAction", fields);
      } catch (error) {
        // Success ends in a redirect to the patient's bookings, which Next signals by throwing.
        if (!String((error as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT")) throw error;
      }
      return (await count()) > before;
    },
  },
  "app/provider/requests/confirm-booking-action.ts#confirmBookingAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerBooking(world);
      await callAction("app/provider/requests/confirm-booking-action.ts", "confirmBookingAction", { id });
      return (await bookingRow(id)).status === "confirmed";
    },
  },
  "app/provider/requests/decline-booking-action.ts#declineBookingAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerBooking(world);
      await callAction("app/provider/requests/decline-booking-action.ts", "declineBookingAction", { id, reason: "Not the right treatment" });
      return (await bookingRow(id)).status === "declined";
    },
  },
  "app/provider/requests/propose-time-action.ts#proposeTimeAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const slot = await nextFreeSlot(world);
      const localTime = DateTime.fromISO(slot.start, { zone: "America/New_York" }).toFormat("yyyy-MM-dd'T'HH:mm");
      await callAction("app/provider/requests/propose-time-action.ts", "proposeTimeAction", { id, localTime, note: "" });
      return (await bookingRow(id)).proposedStartsAt !== null;
    },
  },
  "app/provider/requests/complete-booking-action.ts#completeBookingAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerBooking(world, "confirmed", true);
      await callAction("app/provider/requests/complete-booking-action.ts", "completeBookingAction", { id });
      return (await bookingRow(id)).status === "completed";
    },
  },
  "app/provider/requests/allow-earlier-treatment-action.ts#allowEarlierTreatmentAction": {
    // Only the provider who gave the treatment.
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerTreatment(world);
      await callAction("app/provider/requests/allow-earlier-treatment-action.ts", "allowEarlierTreatmentAction", { id, reason: "Spasm returned at week 8" });
      const db = await getDb();
      const [treatment] = await db.select({ id: treatments.id }).from(treatments).where(eq(treatments.bookingId, id));
      return (await db.$count(treatmentIntervalOverrides, eq(treatmentIntervalOverrides.treatmentId, treatment!.id))) > 0;
    },
  },
  "app/provider/requests/record-authorization-action.ts#recordAuthorizationAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      // An upcoming treatment of the owner's: a confirmed booking moved onto a treatment type.
      const id = await ownerBooking(world, "confirmed");
      const db = await getDb();
      const [type] = await db.insert(appointmentTypes).values({ providerId: world.owner.id, kind: "treatment", name: "Matrix treatment", minutes: 30, feeCents: 1_000, archivedAt: new Date() }).returning({ id: appointmentTypes.id });
      await db.update(bookings).set({ appointmentTypeId: type!.id }).where(eq(bookings.id, id));
      // Yesterday in UTC is never after the clinic's today, whatever its zone.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await callAction("app/provider/requests/record-authorization-action.ts", "recordAuthorizationAction", { id, status: "submitted", on: yesterday });
      return (await bookingRow(id)).authorizationStatus === "submitted";
    },
  },
  "app/provider/requests/no-show-booking-action.ts#noShowBookingAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const id = await ownerBooking(world, "confirmed", true);
      await callAction("app/provider/requests/no-show-booking-action.ts", "noShowBookingAction", { id });
      return (await bookingRow(id)).status === "no_show";
    },
  },
  "app/bookings/cancel-booking-action.ts#cancelBookingAction": {
    // The booking's own patient and its provider.
    allowed: ["patient", "provider"],
    probe: async (world) => {
      const id = await ownerBooking(world);
      await callAction("app/bookings/cancel-booking-action.ts", "cancelBookingAction", { id, reason: "" });
      return (await bookingRow(id)).status === "cancelled";
    },
  },
  "app/patient/accept-proposal-action.ts#acceptProposalAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const db = await getDb();
      const slot = await nextFreeSlot(world);
      await db.update(bookings).set({ proposedStartsAt: new Date(slot.start) }).where(eq(bookings.id, id));
      await callAction("app/patient/accept-proposal-action.ts", "acceptProposalAction", { id });
      return (await bookingRow(id)).status === "confirmed";
    },
  },
  "app/patient/set-diary-sharing-action.ts#setDiarySharingAction": {
    allowed: PATIENT,
    probe: async (world) => {
      await ownerBooking(world);
      const db = await getDb();
      const shared = async () => (await db.$count(diarySharing, and(eq(diarySharing.patientId, world.users.patient.id), eq(diarySharing.providerId, world.owner.id)))) === 1;
      const before = await shared();
      await callAction("app/patient/set-diary-sharing-action.ts", "setDiarySharingAction", { providerSlug: world.owner.slug, shared: before ? "0" : "1" });
      return (await shared()) !== before;
    },
  },
  "app/patient/reschedule-booking-action.ts#rescheduleBookingAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const before = (await bookingRow(id)).startsAt.getTime();
      const slot = await nextFreeSlot(world);
      await callAction("app/patient/reschedule-booking-action.ts", "rescheduleBookingAction", { id, start: slot.start });
      return (await bookingRow(id)).startsAt.getTime() !== before;
    },
  },
  "app/api/bookings/[id]/ics/route.ts#GET": {
    allowed: ["patient", "provider"],
    probe: async (world) => {
      const id = await ownerBooking(world, "confirmed");
      return get("app/api/bookings/[id]/ics/route.ts", `/api/bookings/${id}/ics`, { id });
    },
  },
  // The JSON API's own booking routes: only the booking's patient (a provider works from the inbox).
  "app/api/bookings/[id]/route.ts#GET": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      return get("app/api/bookings/[id]/route.ts", `/api/bookings/${id}`, { id });
    },
  },
  "app/api/bookings/[id]/cancel/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const { POST } = await load<RouteHandler>("app/api/bookings/[id]/cancel/route.ts");
      await POST!(jsonRequest(`/api/bookings/${id}/cancel`, "POST", { reason: "" }), { params: Promise.resolve({ id }) });
      return (await bookingRow(id)).status === "cancelled";
    },
  },
  "app/api/bookings/[id]/reschedule/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const before = (await bookingRow(id)).startsAt.getTime();
      const slot = await nextFreeSlot(world);
      const { POST } = await load<RouteHandler>("app/api/bookings/[id]/reschedule/route.ts");
      await POST!(jsonRequest(`/api/bookings/${id}/reschedule`, "POST", { start: slot.start }), { params: Promise.resolve({ id }) });
      return (await bookingRow(id)).startsAt.getTime() !== before;
    },
  },
  "app/api/bookings/[id]/slots/route.ts#GET": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world);
      const from = new Date().toISOString().slice(0, 10);
      return get("app/api/bookings/[id]/slots/route.ts", `/api/bookings/${id}/slots?from=${from}&to=${from}`, { id });
    },
  },
  // A patient's own diary: "allowed" when the patient's diary changed (or, for a read, answered).
  // Everyone signed in downloads their own data; nobody else's is reachable (lib/account/export.int.test.ts).
  "app/api/account/export/route.ts#GET": { allowed: ["patient", "provider", "otherProvider", "admin"], probe: () => get("app/api/account/export/route.ts", "/api/account/export") },
  "app/api/account/route.ts#DELETE": {
    // The matrix's accounts have no usable password, so "allowed" is reaching the password check;
    // an admin is refused before it (admins are closed by another admin).
    allowed: ["patient", "provider", "otherProvider"],
    probe: async () => {
      const { DELETE } = await load<(request: NextRequest) => Promise<Response>>("app/api/account/route.ts");
      const response = await DELETE!(jsonRequest("/api/account", "DELETE", { password: "a guess at it" }));
      return response.status === 403 && (await response.json()).error.code === "wrong_password";
    },
  },
  "app/api/diary/route.ts#GET": { allowed: PATIENT, probe: () => get("app/api/diary/route.ts", "/api/diary") },
  "app/api/diary/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      const before = await diaryCount(world);
      const { POST } = await load<(request: NextRequest) => Promise<Response>>("app/api/diary/route.ts");
      await POST!(jsonRequest("/api/diary", "POST", { date: nextDiaryDay(), headache: true, pain: 6, hours: 2, migraine: false, acuteMedicine: false }));
      return (await diaryCount(world)) > before;
    },
  },
  "app/api/diary/[date]/route.ts#DELETE": {
    allowed: PATIENT,
    probe: async (world) => {
      const day = await patientDiaryDay(world);
      const before = await diaryCount(world);
      const { DELETE } = await load<RouteHandler>("app/api/diary/[date]/route.ts");
      await DELETE!(new NextRequest(`http://localhost:3000/api/diary/${day}`, { method: "DELETE" }), { params: Promise.resolve({ date: day }) });
      return (await diaryCount(world)) < before;
    },
  },
  "app/api/diary/scores/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      const before = await scoreCount(world);
      const { POST } = await load<(request: NextRequest) => Promise<Response>>("app/api/diary/scores/route.ts");
      await POST!(jsonRequest("/api/diary/scores", "POST", { instrument: "MIDAS", date: nextDiaryDay(), total: 12 }));
      return (await scoreCount(world)) > before;
    },
  },
  "app/patient/diary/save-entry-action.ts#saveDiaryEntryAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const before = await diaryCount(world);
      await callAction("app/patient/diary/save-entry-action.ts", "saveDiaryEntryAction", { date: nextDiaryDay(), headache: "yes", pain: "4", hours: "1.5" });
      return (await diaryCount(world)) > before;
    },
  },
  "app/patient/diary/delete-entry-action.ts#deleteDiaryEntryAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const day = await patientDiaryDay(world);
      const before = await diaryCount(world);
      await callAction("app/patient/diary/delete-entry-action.ts", "deleteDiaryEntryAction", { date: day });
      return (await diaryCount(world)) < before;
    },
  },
  "app/patient/diary/save-score-action.ts#saveScoreAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const before = await scoreCount(world);
      await callAction("app/patient/diary/save-score-action.ts", "saveScoreAction", { instrument: "HIT-6", date: nextDiaryDay(), total: "58" });
      return (await scoreCount(world)) > before;
    },
  },
  // For uptime checks, which sign in as nobody.
  "app/api/health/route.ts#GET": { allowed: EVERYONE, probe: () => get("app/api/health/route.ts", "/api/health") },
  "app/api/cron/reminders/route.ts#GET": {
    // Open without CRON_SECRET outside production (as in tests); its own test covers the secret.
    allowed: EVERYONE,
    probe: () => get("app/api/cron/reminders/route.ts", "/api/cron/reminders"),
  },
  "app/provider/schedule/save-booking-window-action.ts#saveBookingWindowAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const before = (await ownerRow(world)).horizonDays;
      const next = before === 60 ? 61 : 60;
      await callAction("app/provider/schedule/save-booking-window-action.ts", "saveBookingWindowAction", { minNoticeHours: "24", horizonDays: String(next) });
      return (await ownerRow(world)).horizonDays === next;
    },
  },
  "app/provider/schedule/save-response-threshold-action.ts#saveResponseThresholdAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const next = (await ownerRow(world)).responseThresholdPercent === 30 ? 35 : 30;
      await callAction("app/provider/schedule/save-response-threshold-action.ts", "saveResponseThresholdAction", { thresholdPercent: String(next) });
      return (await ownerRow(world)).responseThresholdPercent === next;
    },
  },
  "app/provider/schedule/save-hours-action.ts#saveHoursAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const locationId = world.owner.locationIds[0]!;
      const count = () => db.$count(weeklyHours, eq(weeklyHours.locationId, locationId));
      const before = await count();
      // Saturday added (or, if a previous probe added it, dropped): the row count changes either way.
      const saturday = before === 5 ? "10:00-14:00" : "";
      await callAction("app/provider/schedule/save-hours-action.ts", "saveHoursAction", {
        locationId,
        "day-1": "9:00-17:00",
        "day-2": "9:00-17:00",
        "day-3": "9:00-17:00",
        "day-4": "9:00-17:00",
        "day-5": "9:00-17:00",
        "day-6": saturday,
      });
      return (await count()) !== before;
    },
  },
  "app/provider/schedule/add-time-off-action.ts#addTimeOffAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const count = () => db.$count(timeOff, eq(timeOff.providerId, world.owner.id));
      const before = await count();
      await callAction("app/provider/schedule/add-time-off-action.ts", "addTimeOffAction", { locationId: "", startDate: "2030-01-02", endDate: "2030-01-02" });
      return (await count()) > before;
    },
  },
  "app/provider/schedule/remove-time-off-action.ts#removeTimeOffAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const [row] = await db.insert(timeOff).values({ providerId: world.owner.id, startsAt: new Date("2031-01-01T00:00:00Z"), endsAt: new Date("2031-01-02T00:00:00Z") }).returning({ id: timeOff.id });
      await callAction("app/provider/schedule/remove-time-off-action.ts", "removeTimeOffAction", { id: row!.id });
      return (await db.$count(timeOff, eq(timeOff.id, row!.id))) === 0;
    },
  },
  "app/provider/schedule/save-appointment-type-action.ts#saveAppointmentTypeAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const count = () => db.$count(appointmentTypes, eq(appointmentTypes.providerId, world.owner.id));
      const before = await count();
      await callAction("app/provider/schedule/save-appointment-type-action.ts", "saveAppointmentTypeAction", { kind: "follow_up", name: "Follow-up check", minutes: "15", fee: "80" });
      return (await count()) > before;
    },
  },
  "app/provider/schedule/archive-appointment-type-action.ts#archiveAppointmentTypeAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      const db = await getDb();
      const [type] = await db.insert(appointmentTypes).values({ providerId: world.owner.id, kind: "follow_up", name: "Doomed", minutes: 15, feeCents: 1000 }).returning({ id: appointmentTypes.id });
      await callAction("app/provider/schedule/archive-appointment-type-action.ts", "archiveAppointmentTypeAction", { id: type!.id });
      const [row] = await db.select({ archivedAt: appointmentTypes.archivedAt }).from(appointmentTypes).where(eq(appointmentTypes.id, type!.id));
      return row!.archivedAt !== null;
    },
  },
  "app/pay/[bookingId]/pay-test-deposit-action.ts#payTestDepositAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const id = await ownerBooking(world, "pending_payment");
      try {
        await callAction("app/pay/[bookingId]/pay-test-deposit-action.ts", "payTestDepositAction", { id, choice: "pay" });
      } catch (error) {
        if (!String((error as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT")) throw error;
      }
      return (await bookingRow(id)).status === "requested";
    },
  },
  "app/bookings/retry-refund-action.ts#retryRefundAction": {
    // The booking's provider, or an admin.
    allowed: ["provider", "admin"],
    probe: async (world) => {
      const id = await ownerBooking(world);
      const db = await getDb();
      const [payment] = await db.insert(payments).values({ bookingId: id, amountCents: 1000, status: "refund_failed", paymentIntentId: "pi_x" }).returning({ id: payments.id });
      await callAction("app/bookings/retry-refund-action.ts", "retryRefundAction", { paymentId: payment!.id });
      const [row] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, payment!.id));
      return row!.status !== "refund_failed";
    },
  },
  "app/api/stripe/webhook/route.ts#POST": {
    // Anyone may deliver; only a payload signed with the webhook secret is acted on.
    allowed: EVERYONE,
    probe: async (world) => {
      const id = await ownerBooking(world, "pending_payment");
      const event = checkoutEvent("pay", { bookingId: id, sessionId: `cs_test_local_${id}`, amountCents: 1000, currency: "usd" }, new Date());
      const { POST } = await load<(request: NextRequest) => Promise<Response>>("app/api/stripe/webhook/route.ts");
      const response = await POST!(new NextRequest("http://localhost:3000/api/stripe/webhook", { method: "POST", body: event.payload, headers: { "stripe-signature": event.signature } }));
      return response.status === 200 && (await bookingRow(id)).status === "requested";
    },
  },
  "app/admin/licenses/approve-license-action.ts#approveLicenseAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const id = await addPendingLicense(world, "MA");
      await callAction("app/admin/licenses/approve-license-action.ts", "approveLicenseAction", { id, sourceNote: "Checked the MA board lookup" });
      return (await ownerLicenses(world)).some((l) => l.id === id && l.status === "verified");
    },
  },
  "app/admin/licenses/reject-license-action.ts#rejectLicenseAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const id = await addPendingLicense(world, "RI");
      await callAction("app/admin/licenses/reject-license-action.ts", "rejectLicenseAction", { id, reason: "No such license in RI" });
      return (await ownerLicenses(world)).some((l) => l.id === id && l.status === "rejected");
    },
  },
  "app/admin/providers/suspend-provider-action.ts#suspendProviderAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const db = await getDb();
      await db.update(providers).set({ suspendedAt: null }).where(eq(providers.id, world.owner.id));
      await callAction("app/admin/providers/suspend-provider-action.ts", "suspendProviderAction", { providerId: world.owner.id, reason: "Complaint under review" });
      return (await ownerRow(world)).suspendedAt !== null;
    },
  },
  "app/admin/providers/reinstate-provider-action.ts#reinstateProviderAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const db = await getDb();
      await db.update(providers).set({ suspendedAt: new Date(), suspensionReason: "test" }).where(eq(providers.id, world.owner.id));
      await callAction("app/admin/providers/reinstate-provider-action.ts", "reinstateProviderAction", { providerId: world.owner.id });
      return (await ownerRow(world)).suspendedAt === null;
    },
  },

  "app/admin/accounts/disable-account-action.ts#disableAccountAction": {
    allowed: ADMIN,
    probe: async () => {
      const target = await createUser("patient");
      await callAction("app/admin/accounts/disable-account-action.ts", "disableAccountAction", { userId: target.id, reason: "Abuse report confirmed" });
      return (await accountStatus(target.id)) === "suspended";
    },
  },
  "app/admin/accounts/enable-account-action.ts#enableAccountAction": {
    allowed: ADMIN,
    probe: async () => {
      const target = await createUser("patient");
      const db = await getDb();
      await db.update(users).set({ status: "suspended" }).where(eq(users.id, target.id));
      await callAction("app/admin/accounts/enable-account-action.ts", "enableAccountAction", { userId: target.id });
      return (await accountStatus(target.id)) === "active";
    },
  },

  "app/api/providers/[slug]/reviews/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      await patientMayReview(world);
      const { POST } = await load<RouteHandler>("app/api/providers/[slug]/reviews/route.ts");
      const response = await POST!(reviewRequest(world, "POST", { rating: 5, text: "Matrix" }), { params: Promise.resolve({ slug: world.owner.slug }) });
      return response.status === 201 && (await patientReview(world)) !== undefined;
    },
  },
  "app/api/providers/[slug]/reviews/route.ts#PATCH": {
    allowed: PATIENT,
    probe: async (world) => {
      await patientMayReview(world);
      const db = await getDb();
      // Written before the visit patientMayReview added, so an edit is due.
      await db.insert(reviews).values({ providerId: world.owner.id, patientId: world.users.patient.id, rating: 1, editedAt: new Date(Date.now() - 30 * 86_400_000) });
      const { PATCH } = await load<RouteHandler>("app/api/providers/[slug]/reviews/route.ts");
      const response = await PATCH!(reviewRequest(world, "PATCH", { rating: 3 }), { params: Promise.resolve({ slug: world.owner.slug }) });
      return response.ok && (await patientReview(world))?.rating === 3;
    },
  },
  "app/providers/[slug]/join-waitlist-action.ts#joinWaitlistAction": {
    allowed: PATIENT,
    probe: async (world) => {
      await ensureListed(world);
      const db = await getDb();
      await db.delete(waitlistEntries).where(eq(waitlistEntries.patientId, world.users.patient.id));
      // Days the owner is away (time off over every location), so no time is free to book instead.
      const fromDate = DateTime.utc().plus({ weeks: 5 }).toISODate()!;
      const toDate = DateTime.utc().plus({ weeks: 5, days: 2 }).toISODate()!;
      await db.insert(timeOff).values({ providerId: world.owner.id, startsAt: new Date(`${fromDate}T00:00:00Z`), endsAt: new Date(Date.parse(`${toDate}T00:00:00Z`) + 2 * 86_400_000) });
      await callAction("app/providers/[slug]/join-waitlist-action.ts", "joinWaitlistAction", { providerSlug: world.owner.slug, appointmentTypeId: world.owner.typeIds[0]!, fromDate, toDate });
      return (await db.$count(waitlistEntries, eq(waitlistEntries.patientId, world.users.patient.id))) === 1;
    },
  },
  "app/patient/leave-waitlist-action.ts#leaveWaitlistAction": {
    allowed: PATIENT,
    probe: async (world) => {
      const db = await getDb();
      const day = DateTime.utc().plus({ weeks: 2 }).toISODate()!;
      const [entry] = await db
        .insert(waitlistEntries)
        .values({ patientId: world.users.patient.id, providerId: world.owner.id, appointmentTypeId: world.owner.typeIds[0]!, fromDate: day, toDate: day })
        .returning({ id: waitlistEntries.id });
      await callAction("app/patient/leave-waitlist-action.ts", "leaveWaitlistAction", { id: entry!.id });
      const [after] = await db.select({ endedAt: waitlistEntries.endedAt }).from(waitlistEntries).where(eq(waitlistEntries.id, entry!.id));
      return after!.endedAt !== null;
    },
  },
  "app/providers/[slug]/reviews/write-review-action.ts#writeReviewAction": {
    allowed: PATIENT,
    probe: async (world) => {
      await patientMayReview(world);
      await callAction("app/providers/[slug]/reviews/write-review-action.ts", "writeReviewAction", { slug: world.owner.slug, mode: "create", rating: "4", text: "From the form" });
      return (await patientReview(world))?.text === "From the form";
    },
  },
  "app/providers/[slug]/reviews/report-review-action.ts#reportReviewAction": {
    // Anyone who reads a review may report it.
    allowed: EVERYONE,
    probe: async (world) => {
      const id = await freshReview(world);
      await callAction("app/providers/[slug]/reviews/report-review-action.ts", "reportReviewAction", { reviewId: id, reason: "spam" });
      const db = await getDb();
      return (await db.$count(reviewReports, eq(reviewReports.reviewId, id))) === 1;
    },
  },
  "app/provider/reviews/reply-action.ts#replyToReviewAction": {
    allowed: PROVIDER,
    probe: async (world) => {
      await ensureListed(world);
      const id = await freshReview(world);
      await callAction("app/provider/reviews/reply-action.ts", "replyToReviewAction", { reviewId: id, reply: "Thank you" });
      return (await reviewRow(id)).reply === "Thank you";
    },
  },
  "app/admin/reviews/hide-review-action.ts#hideReviewAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const id = await freshReview(world);
      await callAction("app/admin/reviews/hide-review-action.ts", "hideReviewAction", { reviewId: id, reason: "Shares personal details" });
      return (await reviewRow(id)).hiddenAt !== null;
    },
  },
  "app/admin/reviews/unhide-review-action.ts#unhideReviewAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const id = await freshReview(world, { hiddenAt: new Date(), hiddenReason: "test" });
      await callAction("app/admin/reviews/unhide-review-action.ts", "unhideReviewAction", { reviewId: id });
      return (await reviewRow(id)).hiddenAt === null;
    },
  },
  "app/admin/reviews/keep-review-action.ts#keepReviewAction": {
    allowed: ADMIN,
    probe: async (world) => {
      const id = await freshReview(world);
      await callAction("app/admin/reviews/keep-review-action.ts", "keepReviewAction", { reviewId: id });
      return (await reviewRow(id)).moderatedAt !== null;
    },
  },
  "app/api/providers/route.ts#GET": { allowed: EVERYONE, probe: () => get("app/api/providers/route.ts", "/api/providers?condition=chronic-migraine&near=10016") },
  "app/api/providers/[slug]/route.ts#GET": {
    allowed: EVERYONE,
    probe: async (world) => {
      await ensureListed(world);
      return get("app/api/providers/[slug]/route.ts", `/api/providers/${world.owner.slug}`, { slug: world.owner.slug });
    },
  },
  "app/api/providers/[slug]/slots/route.ts#GET": {
    allowed: EVERYONE,
    probe: async (world) => {
      await ensureListed(world);
      const from = new Date().toISOString().slice(0, 10);
      return get("app/api/providers/[slug]/slots/route.ts", `/api/providers/${world.owner.slug}/slots?from=${from}&to=${from}`, { slug: world.owner.slug });
    },
  },
  "app/api/bookings/route.ts#GET": { allowed: PATIENT, probe: () => get("app/api/bookings/route.ts", "/api/bookings") },
  "app/api/bookings/route.ts#POST": {
    allowed: PATIENT,
    probe: async (world) => {
      await ensureListed(world);
      await clearOpenRequests(world);
      const slot = await nextFreeSlot(world);
      const { POST } = await load<(request: NextRequest) => Promise<Response>>("app/api/bookings/route.ts");
      const response = await POST!(
        new NextRequest("http://localhost:3000/api/bookings", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ providerSlug: world.owner.slug, appointmentTypeId: world.owner.typeIds[0], locationId: slot.locationId, start: slot.start, intake: API_INTAKE }),
        }),
      );
      return response.status === 201;
    },
  },
  "app/api/openapi.json/route.ts#GET": { allowed: EVERYONE, probe: () => get("app/api/openapi.json/route.ts", "/api/openapi.json") },
  "app/api/photos/[id]/route.ts#GET": {
    allowed: EVERYONE,
    probe: async (world) => {
      const db = await getDb();
      const [photo] = await db.insert(providerPhotos).values({ providerId: world.owner.id, contentType: "image/webp", bytes: WEBP }).returning({ id: providerPhotos.id });
      return get("app/api/photos/[id]/route.ts", `/api/photos/${photo!.id}`, { id: photo!.id });
    },
  },
  "app/api/auth/[...nextauth]/route.ts#GET": { allowed: EVERYONE, probe: () => get("app/api/auth/[...nextauth]/route.ts", "/api/auth/providers", { nextauth: ["providers"] }) },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    allowed: EVERYONE,
    probe: async () => {
      const { POST } = await load<(request: NextRequest) => Promise<Response>>("app/api/auth/[...nextauth]/route.ts");
      const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        body: new URLSearchParams({ email: "nobody@example.com", password: "wrong password" }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      const response = await POST!(request);
      // Auth.js answers a sign-in attempt without a CSRF token by redirecting to an error page:
      // reachable by anyone, refusing nobody for who they are.
      return response.status !== 401 && response.status !== 403;
    },
  },
  "app/sitemap.ts#default": {
    allowed: EVERYONE,
    probe: async () => {
      const { default: sitemap } = await load<() => Promise<unknown[]>>("app/sitemap.ts");
      return (await sitemap!()).length > 0;
    },
  },
  "app/robots.ts#default": {
    allowed: EVERYONE,
    probe: async () => {
      const { default: robots } = await load<() => { rules?: unknown }>("app/robots.ts");
      return robots!().rules !== undefined;
    },
  },
  "app/providers/[slug]/opengraph-image.tsx#default": {
    allowed: EVERYONE,
    probe: async (world) => {
      await ensureListed(world);
      const { default: image } = await load<(props: { params: Promise<{ slug: string }> }) => Promise<Response>>("app/providers/[slug]/opengraph-image.tsx");
      const response = await image!({ params: Promise.resolve({ slug: world.owner.slug }) });
      return response.status === 200;
    },
  },
};

// ---- discovery: what exists in app/ --------------------------------------------------------

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const METADATA_ROUTES = /^(sitemap|robots|manifest|opengraph-image|twitter-image|icon|apple-icon)\.tsx?$/;

async function discoverEndpoints(): Promise<string[]> {
  const keys: string[] = [];
  for (const path of Object.keys(APP_MODULES)) {
    const fileName = path.split("/").at(-1)!;
    const source = readFileSync(join(process.cwd(), path), "utf8");
    if (/^\s*["']use server["']/.test(source)) {
      const exported = await load<unknown>(path);
      for (const [exportName, value] of Object.entries(exported)) if (typeof value === "function") keys.push(`${path}#${exportName}`);
    } else if (/^route\.tsx?$/.test(fileName)) {
      const exported = await load<unknown>(path);
      for (const method of HTTP_METHODS) if (typeof exported[method] === "function") keys.push(`${path}#${method}`);
    } else if (METADATA_ROUTES.test(fileName)) {
      keys.push(`${path}#default`);
    }
  }
  return keys.sort();
}

// ---- the run -------------------------------------------------------------------------------

let world: World;

beforeAll(async () => {
  await seedReferenceData();
  const users = {
    patient: await createUser("patient"),
    provider: await createUser("provider"),
    otherProvider: await createUser("provider"),
    admin: await createUser("admin"),
  };
  const owner = await createProvider({ name: "Matrix Owner", provider: { userId: users.provider.id }, licenses: [npiLicense(), stateLicense("NY")] });
  await createProvider({ name: "Matrix Other", provider: { userId: users.otherProvider.id } });
  world = { users, owner };
});

describe("authorization matrix", () => {
  it("lists every server action and route handler in app/", async () => {
    expect(await discoverEndpoints()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    it(key, async () => {
      const outcomes: Record<string, "allowed" | "denied"> = {};
      for (const caller of CALLERS) {
        await actAs(caller === "anonymous" ? null : world.users[caller]);
        outcomes[caller] = (await entry.probe(world)) ? "allowed" : "denied";
      }
      await actAs(null);
      const expected = Object.fromEntries(CALLERS.map((c) => [c, entry.allowed.includes(c) ? "allowed" : "denied"]));
      expect(outcomes).toEqual(expected);
    });
  }
});
