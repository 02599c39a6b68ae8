import "server-only";
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  smallserial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["patient", "provider", "admin"]);
export const accountStatus = pgEnum("account_status", ["active", "suspended", "deleted"]);
export const credential = pgEnum("credential", ["MD", "DO", "DDS", "DMD", "NP", "PA"]);
export const gender = pgEnum("gender", ["female", "male", "nonbinary", "undisclosed"]);
export const listingStatus = pgEnum("listing_status", ["draft", "published"]);
export const licenseKind = pgEnum("license_kind", ["npi", "state", "board"]);
export const licenseStatus = pgEnum("license_status", ["pending", "verified", "rejected"]);
export const appointmentKind = pgEnum("appointment_kind", ["initial_consultation", "treatment", "follow_up"]);
export const bookingStatus = pgEnum("booking_status", [
  "pending_payment",
  "requested",
  "confirmed",
  "completed",
  "no_show",
  "declined",
  "cancelled",
  "expired",
]);
export const bookingParty = pgEnum("booking_party", ["patient", "provider"]);
// An insurer's prior authorization for a treatment booking, as the provider records it
// (lib/treatments/authorization.ts).
export const authorizationStatus = pgEnum("authorization_status", ["submitted", "approved", "denied"]);
export const accountTokenPurpose = pgEnum("account_token_purpose", ["password_reset", "email_verification", "email_change"]);
export const paymentStatus = pgEnum("payment_status", [
  "awaiting_payment",
  "paid",
  "refund_pending",
  "refunded",
  "refund_failed",
  "kept",
  "canceled",
]);

// Photos live in Postgres so every serverless instance serves the same bytes without a shared disk.
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // pg and Neon hand back a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("patient"),
    passwordHash: text("password_hash").notNull(),
    status: accountStatus("status").notNull().default("active"),
    // Set by `npm run admin:create`: the password it printed opens only the page to choose a new one.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Notification settings: the email before a confirmed visit. Everything else is not optional
    // (a change to a booking, to the account, a payment).
    bookingReminders: boolean("booking_reminders").notNull().default(true),
    // Patients: a daily email to fill in the diary, off until they turn it on; and the last day
    // (UTC) it went, so the cron sends at most one a day.
    diaryReminders: boolean("diary_reminders").notNull().default(false),
    diaryRemindedOn: date("diary_reminded_on", { mode: "string" }),
    // Set when the owner opened the link emailed to this address (lib/auth/email-verification.ts);
    // null until then, and an unverified account cannot request a booking or publish a listing.
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/**
 * One row per signed-in browser. The session cookie (a JWT sealed with AUTH_SECRET) carries a
 * random token; the row keeps only its SHA-256, so a copied row cannot be turned back into a
 * cookie. getCurrentUser() reads the row with its user on every request: a session is over once
 * it is revoked (sign-out, "sign out of all devices", an admin disabling the account, a role
 * change) or past its lifetime (lib/auth/session-store.ts), whatever the cookie's own expiry says.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    // Moved forward at most once a minute, so an active session costs one write a minute, not one a request.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    // Providers and admins: 12 hours after sign-in. Patients: 30 days after last seen (rolling).
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // Lower-cased, and kept even when no account has it, so probing unknown emails is limited too.
    email: text("email").notNull(),
    // The client's address as lib/auth/client-ip.ts counts it (an IPv6 /64, or "unknown").
    ip: text("ip").notNull().default("unknown"),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.attemptedAt), index("sign_in_attempts_ip_idx").on(t.ip, t.attemptedAt)],
);

/**
 * Single-use links emailed to an account's owner (a password reset, an email verification, an email change). The link carries a random
 * token; the row keeps only its SHA-256, so someone who reads the table cannot use a live link.
 * A row is spent by setting used_at in the statement that checks it is not yet spent.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose("purpose").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // Only for an email change: the address the link moves the account to (lower-cased), which the
    // link itself proves the owner reads.
    newEmail: text("new_email"),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Every request for an emailed link (a password reset, a sign-up, a verification or change link), kept for the throttles whether or not an
 * account has the address, so the limits themselves reveal nothing about who has one.
 */
export const accountEmailRequests = pgTable(
  "account_email_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    purpose: accountTokenPurpose("purpose").notNull(),
    // Lower-cased.
    email: text("email").notNull(),
    // As lib/auth/client-ip.ts counts it.
    ip: text("ip").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_email_requests_email_idx").on(t.email, t.requestedAt), index("account_email_requests_ip_idx").on(t.ip, t.requestedAt)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // No cascade: audit rows are never rewritten, and accounts are closed, not deleted.
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    // Never health information: identifiers, statuses and reasons only.
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_created_idx").on(t.createdAt), index("audit_events_subject_idx").on(t.subjectType, t.subjectId)],
);

export const providers = pgTable(
  "providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    credentials: credential("credentials").notNull(),
    specialty: text("specialty").notNull(),
    bio: text("bio").notNull().default(""),
    photoUrl: text("photo_url"),
    yearsExperience: smallint("years_experience").notNull().default(0),
    // ISO 639-1 codes, e.g. {en,es}
    languages: text("languages").array().notNull().default(sql`'{en}'::text[]`),
    gender: gender("gender").notNull().default("undisclosed"),
    telehealth: boolean("telehealth").notNull().default(false),
    // Where the provider's video visits happen; shown only to the patient of a confirmed telehealth
    // booking (lib/booking/video-link.ts).
    videoVisitUrl: text("video_visit_url"),
    selfPay: boolean("self_pay").notNull().default(true),
    // The consultation's fee and deposit are the initial consultation type's (appointment_types);
    // the listing keeps only the per-unit price of a treatment.
    pricePerUnitCents: integer("price_per_unit_cents"),
    cancellationWindowHours: smallint("cancellation_window_hours").notNull().default(24),
    cancellationPolicy: text("cancellation_policy").notNull().default(""),
    // How soon and how far ahead patients may book.
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(24 * 60),
    horizonDays: smallint("horizon_days").notNull().default(60),
    // The fall in headache days after two treatment cycles below which this provider reads a
    // patient's response as under the usual threshold to continue (lib/treatments/response.ts).
    responseThresholdPercent: smallint("response_threshold_percent").notNull().default(30),
    listingStatus: listingStatus("listing_status").notNull().default("draft"),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    // Shown to the provider while suspended.
    suspensionReason: text("suspension_reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("providers_slug_idx").on(t.slug),
    uniqueIndex("providers_user_idx").on(t.userId),
    index("providers_languages_idx").using("gin", t.languages),
    check("providers_video_visit_url", sql`${t.videoVisitUrl} is null or (${t.videoVisitUrl} ~ '^https://' and length(${t.videoVisitUrl}) <= 500)`),
    check("providers_fees_nonnegative", sql`coalesce(${t.pricePerUnitCents}, 0) >= 0`),
    check("providers_booking_window", sql`${t.minNoticeMinutes} between 0 and 20160 and ${t.horizonDays} between 1 and 365`),
    check("providers_response_threshold", sql`${t.responseThresholdPercent} between 10 and 90`),
  ],
);

export const conditions = pgTable(
  "conditions",
  {
    id: smallserial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull(),
    howItWorks: text("how_it_works").notNull(),
    sideEffects: text("side_effects").notNull(),
    expectations: text("expectations").notNull(),
    insuranceNote: text("insurance_note").notNull(),
    evaluationNote: text("evaluation_note").notNull(),
    // Units commonly used for one treatment session; drives the self-pay estimate on profiles.
    typicalUnitsLow: smallint("typical_units_low").notNull(),
    typicalUnitsHigh: smallint("typical_units_high").notNull(),
    sortOrder: smallint("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("conditions_slug_idx").on(t.slug)],
);

export const providerConditions = pgTable(
  "provider_conditions",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    conditionId: smallint("condition_id")
      .notNull()
      .references(() => conditions.id, { onDelete: "cascade" }),
    yearsTreating: smallint("years_treating").notNull().default(0),
    note: text("note").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.conditionId] }),
    index("provider_conditions_condition_idx").on(t.conditionId, t.providerId),
  ],
);

export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    addressLine1: text("address_line1").notNull(),
    addressLine2: text("address_line2"),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip: text("zip").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    timeZone: text("time_zone").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("locations_provider_idx").on(t.providerId),
    // Serves the bounding-box prefilter of a radius search.
    index("locations_lat_lng_idx").on(t.latitude, t.longitude),
    check("locations_state_code", sql`${t.state} ~ '^[A-Z]{2}$'`),
    check("locations_zip_format", sql`${t.zip} ~ '^[0-9]{5}$'`),
    check("locations_coordinates", sql`${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`),
  ],
);

export const insuranceCarriers = pgTable(
  "insurance_carriers",
  {
    id: smallserial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("insurance_carriers_slug_idx").on(t.slug)],
);

export const providerInsurance = pgTable(
  "provider_insurance",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    carrierId: smallint("carrier_id")
      .notNull()
      .references(() => insuranceCarriers.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.carrierId] }),
    index("provider_insurance_carrier_idx").on(t.carrierId, t.providerId),
  ],
);

export const licenses = pgTable(
  "licenses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    kind: licenseKind("kind").notNull(),
    state: text("state"),
    number: text("number").notNull(),
    // The certifying board, for kind 'board' (e.g. "American Board of Psychiatry and Neurology").
    issuer: text("issuer"),
    expiresOn: date("expires_on", { mode: "string" }),
    // The last "expires in N days" email sent for this expiry (30, then 7); cleared by a new expiry.
    expiryNoticeDays: smallint("expiry_notice_days"),
    status: licenseStatus("status").notNull().default("pending"),
    verifiedBy: uuid("verified_by").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    sourceNote: text("source_note"),
    rejectionReason: text("rejection_reason"),
    createdAt: createdAt(),
    // When the provider last (re)submitted it: the review queue's order.
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The trust rule's lookups: a provider's verified NPI, and a verified license per state.
    index("licenses_trust_idx").on(t.providerId, t.kind, t.status, t.state, t.expiresOn),
    index("licenses_queue_idx").on(t.status, t.submittedAt),
    // An NPI identifies one clinician: two listings may not both claim it.
    uniqueIndex("licenses_npi_number_idx")
      .on(t.number)
      .where(sql`${t.kind} = 'npi' and ${t.status} <> 'rejected'`),
    // One live NPI per provider; a rejected one may be replaced.
    uniqueIndex("licenses_one_npi_idx")
      .on(t.providerId)
      .where(sql`${t.kind} = 'npi' and ${t.status} <> 'rejected'`),
    check("licenses_state_needs_state_and_expiry", sql`${t.kind} <> 'state' or (${t.state} is not null and ${t.expiresOn} is not null)`),
    check("licenses_state_code", sql`${t.state} is null or ${t.state} ~ '^[A-Z]{2}$'`),
    check("licenses_verified_has_when", sql`${t.status} <> 'verified' or ${t.verifiedAt} is not null`),
    check("licenses_rejected_has_reason", sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`),
  ],
);

export const providerPhotos = pgTable(
  "provider_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("provider_photos_provider_idx").on(t.providerId),
    // Only what lib/listing/photo-encoding.ts writes: a re-encoded WebP without metadata, at most 512 KiB.
    check("provider_photos_type", sql`${t.contentType} = 'image/webp'`),
    check("provider_photos_size", sql`octet_length(${t.bytes}) <= 524288`),
  ],
);

export const appointmentTypes = pgTable(
  "appointment_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    kind: appointmentKind("kind").notNull(),
    name: text("name").notNull(),
    minutes: smallint("minutes").notNull(),
    // Kept free after each appointment of this type; bookings block their time plus this.
    bufferAfterMinutes: smallint("buffer_after_minutes").notNull().default(0),
    feeCents: integer("fee_cents").notNull(),
    depositCents: integer("deposit_cents").notNull().default(0),
    telehealthAllowed: boolean("telehealth_allowed").notNull().default(false),
    // Instant booking: a request for a free time of this type is confirmed at once (after the
    // deposit when one is due) instead of waiting for the provider (lib/booking/instant-booking.ts).
    confirmsAutomatically: boolean("confirms_automatically").notNull().default(false),
    // Types that were booked are archived rather than deleted, so their bookings keep them.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    index("appointment_types_provider_idx").on(t.providerId),
    check("appointment_types_minutes", sql`${t.minutes} between 5 and 480`),
    check("appointment_types_buffer", sql`${t.bufferAfterMinutes} between 0 and 240`),
    check("appointment_types_money", sql`${t.feeCents} >= 0 and ${t.depositCents} >= 0 and ${t.depositCents} <= ${t.feeCents}`),
  ],
);

export const weeklyHours = pgTable(
  "weekly_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    // ISO weekday, 1 = Monday … 7 = Sunday; minutes after local midnight in the location's zone.
    weekday: smallint("weekday").notNull(),
    startMinute: smallint("start_minute").notNull(),
    endMinute: smallint("end_minute").notNull(),
  },
  (t) => [
    index("weekly_hours_location_idx").on(t.locationId, t.weekday),
    check("weekly_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("weekly_hours_range", sql`${t.startMinute} >= 0 and ${t.startMinute} < ${t.endMinute} and ${t.endMinute} <= 1440`),
  ],
);

export const timeOff = pgTable(
  "time_off",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    // Null: every location.
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("time_off_provider_idx").on(t.providerId, t.endsAt), check("time_off_range", sql`${t.endsAt} > ${t.startsAt}`)],
);

export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    // The location and type may be removed later; the booking keeps what was booked.
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    appointmentTypeId: uuid("appointment_type_id").references(() => appointmentTypes.id, { onDelete: "set null" }),
    locationName: text("location_name").notNull(),
    locationAddress: text("location_address").notNull(),
    timeZone: text("time_zone").notNull(),
    typeName: text("type_name").notNull(),
    telehealth: boolean("telehealth").notNull().default(false),
    // Where the patient will be for a video visit: the state whose license the visit needs
    // (docs/booking.md). Null for an in-person visit, which is licensed in the location's state.
    patientState: text("patient_state"),
    feeCents: integer("fee_cents").notNull(),
    depositCents: integer("deposit_cents").notNull().default(0),
    // The provider's free-cancellation window when the patient booked: the deposit's terms the
    // patient agreed to, whatever the provider's listing says later.
    cancellationWindowHours: smallint("cancellation_window_hours").notNull(),
    // Booked as an instant booking: the terms the patient was shown, kept like the window above, so
    // paying the deposit or moving the visit confirms it whatever the type says later.
    instant: boolean("instant").notNull().default(false),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // endsAt plus the type's buffer: the span no other booking of this provider may touch.
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    status: bookingStatus("status").notNull(),
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    // AES-256-GCM over the intake's JSON (lib/crypto); health information never sits here in clear.
    intakeCiphertext: text("intake_ciphertext").notNull(),
    cancelledBy: bookingParty("cancelled_by"),
    proposedStartsAt: timestamp("proposed_starts_at", { withTimezone: true }),
    // What the provider and the patient write to each other (a decline reason, a cancellation
    // reason, a note with a proposed time) can say as much about a patient's health as the intake,
    // so it is sealed the same way, each under its booking and its field (lib/booking/notes.ts).
    declineReasonCiphertext: text("decline_reason_ciphertext"),
    cancelReasonCiphertext: text("cancel_reason_ciphertext"),
    proposalNoteCiphertext: text("proposal_note_ciphertext"),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    // The reminder a week ahead (lib/booking/reminders.ts), for bookings made further ahead than that.
    weekReminderSentAt: timestamp("week_reminder_sent_at", { withTimezone: true }),
    // When the request last reached the provider (made, paid, or moved by the patient) and when the
    // provider first answered it (confirmed, declined or proposed a time): the profile's "usually
    // confirms within" reads the two (lib/providers/response-time.ts).
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    // While requested: when the request lapses unanswered (lib/booking/answer-by.ts). Reads treat a
    // request past it as expired at once; a sweep then frees the time and refunds the deposit.
    answerBy: timestamp("answer_by", { withTimezone: true }),
    // Held as "awaiting authorization" while submitted; denied lets the patient cancel for a full
    // refund whatever the window, or keep the visit at the self-pay price.
    authorizationStatus: authorizationStatus("authorization_status"),
    authorizationSubmittedOn: date("authorization_submitted_on", { mode: "string" }),
    authorizationDecidedOn: date("authorization_decided_on", { mode: "string" }),
    // A time held for a waitlisted patient while they claim it (lib/waitlist): pending_payment with
    // hold_expires_at like a deposit's hold, so the slot function and the exclusion constraint
    // count it, but no request, no intake and nobody's list. Deleted when claimed or lapsed.
    waitlistHold: boolean("waitlist_hold").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bookings_provider_start_idx").on(t.providerId, t.startsAt),
    index("bookings_provider_answered_idx").on(t.providerId, t.answeredAt).where(sql`${t.answeredAt} is not null`),
    index("bookings_patient_start_idx").on(t.patientId, t.startsAt),
    index("bookings_answer_by_idx").on(t.answerBy).where(sql`${t.status} = 'requested'`),
    index("bookings_reminder_idx").on(t.startsAt).where(sql`${t.status} = 'confirmed' and ${t.reminderSentAt} is null`),
    index("bookings_week_reminder_idx").on(t.startsAt).where(sql`${t.status} = 'confirmed' and ${t.weekReminderSentAt} is null`),
    check("bookings_times", sql`${t.endsAt} > ${t.startsAt} and ${t.blockedUntil} >= ${t.endsAt}`),
    check("bookings_money", sql`${t.feeCents} >= 0 and ${t.depositCents} >= 0`),
    check("bookings_patient_state", sql`${t.patientState} is null or (${t.telehealth} and ${t.patientState} ~ '^[A-Z]{2}$')`),
  ],
);

/**
 * What search reads, kept by triggers (migrations 0010_search_entries_sync and 0028) from providers,
 * locations, licenses, provider_conditions, provider_insurance, appointment_types and weekly_hours,
 * so a search reads one covering index instead of evaluating the trust rule and five joins per
 * location. A location has an entry only while it could be listed and booked on some day: listing
 * published, provider not suspended, a verified NPI, a verified license for the location's state,
 * an initial consultation type (whose fee is the entry's `consult_fee_cents`) and weekly hours at
 * the location. `listable_until` is the latest expiry among
 * those licenses, and every query compares it with today's date (lib/licensing/trust.ts), so a
 * license still lapses at midnight with no job to run. Each location has one entry with a null
 * condition (searches without a condition, and the trust rule elsewhere) and one per condition the
 * provider treats. Never written by the app: the triggers rebuild a provider's entries whenever any
 * of those rows change, whoever changes them.
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    conditionId: smallint("condition_id").references(() => conditions.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    listableUntil: date("listable_until", { mode: "string" }).notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    // cos(latitude), the one factor of the haversine distance that depends on the location alone.
    cosLatitude: doublePrecision("cos_latitude").notNull(),
    city: text("city").notNull(),
    state: text("state").notNull(),
    // Null on the condition-less entry.
    yearsTreating: smallint("years_treating"),
    yearsExperience: smallint("years_experience").notNull(),
    consultFeeCents: integer("consult_fee_cents").notNull(),
    selfPay: boolean("self_pay").notNull(),
    telehealth: boolean("telehealth").notNull(),
    languages: text("languages").array().notNull(),
    carrierIds: smallint("carrier_ids").array().notNull(),
    // Sort keys of the results page, so ordering never joins providers for every match.
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    // The provider's gender as they chose to show it ("undisclosed" matches no gender filter).
    gender: gender("gender").notNull().default("undisclosed"),
    // Visible reviews of the provider: the card's stars come from the entry, so a search reads no
    // reviews. The refresh fills them, and a trigger on reviews updates them in the transaction
    // that adds, edits, hides or shows one (migration 0020).
    ratingCount: integer("rating_count").notNull().default(0),
    ratingAverage: real("rating_average"),
    // The provider's first free initial consultation, copied from next_openings (the same on every
    // entry of the provider) so sort=soonest and availableWithinDays read the entry alone.
    nextAvailable: timestamp("next_available", { withTimezone: true }),
  },
  (t) => [
    // Serves the trust rule's lookup by location; the covering search index, which drizzle cannot
    // express (INCLUDE), is created in migration 0010.
    unique("search_entries_location_condition_key").on(t.locationId, t.conditionId).nullsNotDistinct(),
    index("search_entries_provider_idx").on(t.providerId),
  ],
);

/**
 * Each provider's first free initial consultation, exactly the first slot GET /api/providers/[slug]/slots
 * gives (lib/scheduling/next-openings.ts computes it with the slot function), or null for none within
 * MAX_RANGE_DAYS. Kept so a search can sort and filter by it without computing slots for every match.
 * `stale_at` is the first instant at which the value may be wrong by the clock alone (the slot comes
 * within the minimum notice, a hold lapses, a license lapses, a new day enters the range); triggers
 * (migration 0035) set it to -infinity and bump `version` in the transaction of any write that could
 * change it, and every read recomputes stale rows before it answers, so no read shows a stale value.
 */
export const nextOpenings = pgTable(
  "next_openings",
  {
    providerId: uuid("provider_id")
      .primaryKey()
      .references(() => providers.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    locationId: uuid("location_id"),
    staleAt: timestamp("stale_at", { withTimezone: true }).notNull().default(sql`'-infinity'`),
    // Bumped by every invalidation: a recomputation read before it does not overwrite it.
    version: bigint("version", { mode: "bigint" }).notNull().default(sql`0`),
    computedAt: timestamp("computed_at", { withTimezone: true }),
    // The value the row takes once the clock reaches stale_at (successor_from, equal to it), if no
    // write comes first: the cron computes it ahead of time, so when the clock passes many rows at
    // once (every clinic in a zone opens on the hour) a read shows it without recomputing or
    // writing anything, and the next cron swaps it in. A write moves stale_at, which leaves it unused.
    successorFrom: timestamp("successor_from", { withTimezone: true }),
    successorStartsAt: timestamp("successor_starts_at", { withTimezone: true }),
    successorLocationId: uuid("successor_location_id"),
    successorStaleAt: timestamp("successor_stale_at", { withTimezone: true }),
  },
  // One index for each question lib/scheduling/opening-state.ts asks at a read's `now`, each
  // holding only the rows it concerns: which rows with no successor for their stale_at are stale
  // (and, ahead of it, which need one computed), which rows have reached their successor, which
  // have passed it too. Stale also when computed at a later instant than a read's `now` (tests
  // freeze the clock at different days on one database): the value is then from its future.
  (t) => [
    index("next_openings_unprepared_idx").on(t.staleAt, t.providerId).where(sql`${t.successorFrom} is distinct from ${t.staleAt}`),
    index("next_openings_prepared_idx").on(t.staleAt, t.successorStaleAt).where(sql`${t.successorFrom} = ${t.staleAt}`),
    index("next_openings_successor_stale_idx").on(t.successorStaleAt).where(sql`${t.successorFrom} = ${t.staleAt}`),
    index("next_openings_computed_at_idx").on(t.computedAt),
  ],
);

/**
 * One row, counting the committed changes to what a search reads: statement-level triggers
 * (migration 0011) bump it after any change to search_entries, providers, provider_conditions,
 * provider_insurance, conditions or insurance_carriers, in the writer's own transaction. A search
 * reads it in the same statement as its results, so a result cached at generation n is exactly
 * what the search would answer for as long as the generation is still n (lib/search/result-cache.ts).
 */
export const searchGeneration = pgTable(
  "search_generation",
  {
    // Always true: the primary key and the check allow one row and no more.
    singleton: boolean("singleton").primaryKey().default(true),
    n: bigint("n", { mode: "bigint" }).notNull().default(sql`0`),
  },
  (t) => [check("search_generation_singleton", sql`${t.singleton}`)],
);

export const usersRelations = relations(users, ({ one }) => ({
  provider: one(providers, { fields: [users.id], references: [providers.userId] }),
}));

export const providersRelations = relations(providers, ({ one, many }) => ({
  user: one(users, { fields: [providers.userId], references: [users.id] }),
  conditions: many(providerConditions),
  locations: many(locations),
  insurance: many(providerInsurance),
  licenses: many(licenses),
  photos: many(providerPhotos),
  appointmentTypes: many(appointmentTypes),
}));

export const providerConditionsRelations = relations(providerConditions, ({ one }) => ({
  provider: one(providers, { fields: [providerConditions.providerId], references: [providers.id] }),
  condition: one(conditions, { fields: [providerConditions.conditionId], references: [conditions.id] }),
}));

export const locationsRelations = relations(locations, ({ one, many }) => ({
  provider: one(providers, { fields: [locations.providerId], references: [providers.id] }),
  hours: many(weeklyHours),
}));

export const providerInsuranceRelations = relations(providerInsurance, ({ one }) => ({
  provider: one(providers, { fields: [providerInsurance.providerId], references: [providers.id] }),
  carrier: one(insuranceCarriers, { fields: [providerInsurance.carrierId], references: [insuranceCarriers.id] }),
}));

export const licensesRelations = relations(licenses, ({ one }) => ({
  provider: one(providers, { fields: [licenses.providerId], references: [providers.id] }),
}));

export const providerPhotosRelations = relations(providerPhotos, ({ one }) => ({
  provider: one(providers, { fields: [providerPhotos.providerId], references: [providers.id] }),
}));

export const appointmentTypesRelations = relations(appointmentTypes, ({ one }) => ({
  provider: one(providers, { fields: [appointmentTypes.providerId], references: [providers.id] }),
}));

// One deposit per booking. Amount and currency come from our database, never from the browser;
// the intake never reaches Stripe (only the booking id travels, as metadata).
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    status: paymentStatus("status").notNull().default("awaiting_payment"),
    checkoutSessionId: text("checkout_session_id"),
    // The payment intent: the reference on the patient's receipt and what a refund is made against.
    paymentIntentId: text("payment_intent_id"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    lastPaymentError: text("last_payment_error"),
    refundReason: text("refund_reason"),
    refundRequestedAt: timestamp("refund_requested_at", { withTimezone: true }),
    refundId: text("refund_id"),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    refundError: text("refund_error"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_booking_idx").on(t.bookingId),
    uniqueIndex("payments_session_idx").on(t.checkoutSessionId),
    index("payments_refunds_idx").on(t.status).where(sql`${t.status} in ('refund_pending', 'refund_failed')`),
    check("payments_amount", sql`${t.amountCents} > 0`),
  ],
);

// Each Stripe event id once: a second delivery of the same event finds its row and changes nothing.
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

// Stripe events that claimed a payment we cannot match: a session we did not create for the
// booking, another amount or currency, an unknown booking, or a deposit already paid. They change
// nothing and wait here for an admin (/admin/payments); values are what the event said, bounded.
export const paymentAnomalies = pgTable(
  "payment_anomalies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stripeEventId: text("stripe_event_id").notNull(),
    eventType: text("event_type").notNull(),
    reason: text("reason").notNull(),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    checkoutSessionId: text("checkout_session_id"),
    amountCents: bigint("amount_cents", { mode: "number" }),
    currency: text("currency"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_anomalies_received_idx").on(t.receivedAt),
    check("payment_anomalies_reason", sql`${t.reason} in ('unknown_booking', 'session_mismatch', 'amount_mismatch', 'currency_mismatch', 'already_paid')`),
  ],
);

// Emails are queued in the transaction that causes them and delivered after it commits, so a
// rolled-back change never sends mail and a crash between the two never loses one.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    // Never health information: times, places, names of the provider and links only.
    bodyText: text("body_text").notNull(),
    // The same message as HTML, for the emails that have one; sent as the alternative part.
    bodyHtml: text("body_html"),
    kind: text("kind").notNull(),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // "smtp", or "dev-outbox" when no SMTP server is configured (readable at /dev/outbox).
    transport: text("transport"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("email_outbox_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

// The patient's own record of how the treatment works (lib/diary). One entry per patient and day;
// "headache" means any headache or pain that day. The note is sealed like the intake, under the
// patient and the day (lib/diary/entries.ts).
export const scoreInstrument = pgEnum("score_instrument", ["MIDAS", "HIT-6"]);

export const diaryEntries = pgTable(
  "diary_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    headache: boolean("headache").notNull(),
    migraine: boolean("migraine").notNull(),
    /** Peak pain that day, 0–10; 0 on a day without headache or pain. */
    pain: smallint("pain").notNull(),
    /** Hours with headache or pain, in half hours' steps. */
    hours: real("hours").notNull(),
    acuteMedicine: boolean("acute_medicine").notNull(),
    medicines: text("medicines").array().notNull().default(sql`'{}'::text[]`),
    noteCiphertext: text("note_ciphertext"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("diary_entries_patient_day").on(t.patientId, t.day),
    check("diary_entries_pain", sql`${t.pain} between 0 and 10`),
    check("diary_entries_hours", sql`${t.hours} between 0 and 24`),
    check("diary_entries_migraine_is_headache", sql`not ${t.migraine} or ${t.headache}`),
    check("diary_entries_no_pain_without_headache", sql`${t.headache} or (${t.pain} = 0 and ${t.hours} = 0)`),
  ],
);

// A patient's consent for one provider to see their diary, scores and treatment history
// (lib/diary/sharing.ts): given in the intake or from the bookings page, withdrawn by deleting the
// row. Both are audited; so is every read the consent allows.
export const diarySharing = pgTable(
  "diary_sharing",
  {
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.providerId] }), index("diary_sharing_provider_idx").on(t.providerId)],
);

// Totals the patient copies from their clinic's MIDAS or HIT-6 form; the items are not ours to show.
export const diaryScores = pgTable(
  "diary_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    instrument: scoreInstrument("instrument").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    total: smallint("total").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("diary_scores_patient_instrument_day").on(t.patientId, t.instrument, t.day),
    check("diary_scores_range", sql`(${t.instrument} = 'MIDAS' and ${t.total} between 0 and 270) or (${t.instrument} = 'HIT-6' and ${t.total} between 36 and 78)`),
  ],
);

// What a completed treatment visit gave (lib/treatments). The product, units, sites and lot are
// health information, sealed together under the booking (lib/treatments/records.ts); the date and
// the ids stay in clear because the 84-day rule and the day-70 reminder read them.
export const treatments = pgTable(
  "treatments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    // No cascade: accounts are closed, not deleted (lib/account/delete.ts overwrites the details).
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    /** The visit's date in its location's zone: day 0 of the interval. */
    treatedOn: date("treated_on", { mode: "string" }).notNull(),
    detailsCiphertext: text("details_ciphertext").notNull(),
    // The day-70 "book your next visit" email went: once per cycle.
    nextVisitRemindedAt: timestamp("next_visit_reminded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("treatments_booking_idx").on(t.bookingId), index("treatments_patient_day_idx").on(t.patientId, t.treatedOn)],
);

// The treating provider's clinical decision that the next treatment may come before day 84. The
// reason is sealed; the treatment booking it lets through is recorded, so it serves once.
export const treatmentIntervalOverrides = pgTable(
  "treatment_interval_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    treatmentId: uuid("treatment_id")
      .notNull()
      .references(() => treatments.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    reasonCiphertext: text("reason_ciphertext").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    usedByBookingId: uuid("used_by_booking_id").references(() => bookings.id),
  },
  (t) => [
    // One open override per treatment: granting again while one waits changes nothing.
    uniqueIndex("treatment_interval_overrides_open_idx").on(t.treatmentId).where(sql`${t.usedByBookingId} is null`),
    index("treatment_interval_overrides_patient_idx").on(t.patientId),
  ],
);

export const bookingsRelations = relations(bookings, ({ one }) => ({
  payment: one(payments, { fields: [bookings.id], references: [payments.bookingId] }),
  provider: one(providers, { fields: [bookings.providerId], references: [providers.id] }),
  patient: one(users, { fields: [bookings.patientId], references: [users.id] }),
}));

export const weeklyHoursRelations = relations(weeklyHours, ({ one }) => ({
  location: one(locations, { fields: [weeklyHours.locationId], references: [locations.id] }),
}));

export type User = typeof users.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type NewUser = typeof users.$inferInsert;
export type Provider = typeof providers.$inferSelect;
export type NewProvider = typeof providers.$inferInsert;
export type Condition = typeof conditions.$inferSelect;
export type NewCondition = typeof conditions.$inferInsert;
export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
export type InsuranceCarrier = typeof insuranceCarriers.$inferSelect;
export type License = typeof licenses.$inferSelect;
export type NewLicense = typeof licenses.$inferInsert;
export type AppointmentType = typeof appointmentTypes.$inferSelect;
export type NewWeeklyHours = typeof weeklyHours.$inferInsert;
export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type NewAppointmentType = typeof appointmentTypes.$inferInsert;
export type DiaryEntry = typeof diaryEntries.$inferSelect;
export type DiaryScore = typeof diaryScores.$inferSelect;
export type Treatment = typeof treatments.$inferSelect;

/**
 * Verified reviews (lib/reviews): one per patient and provider, written only by a patient with a
 * completed visit in the last 90 days, edited again only after a later one. Hidden reviews stay
 * for the record but neither show nor count.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    // No cascade: accounts are closed, not deleted.
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    rating: smallint("rating").notNull(),
    text: text("text"),
    // false: shown as "Verified patient" instead of first name and last initial.
    showName: boolean("show_name").notNull().default(true),
    createdAt: createdAt(),
    // The patient's last write: a completed visit after it allows the next edit.
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull().defaultNow(),
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
    // An admin's last decision on its reports; reports after it put the review back in the queue.
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
  },
  (t) => [
    unique("reviews_provider_patient").on(t.providerId, t.patientId),
    index("reviews_provider_created_idx").on(t.providerId, t.createdAt),
    check("reviews_rating", sql`${t.rating} between 1 and 5`),
    check("reviews_text_length", sql`char_length(${t.text}) <= 1000`),
    check("reviews_reply_length", sql`char_length(${t.reply}) <= 1000`),
    check("reviews_reply_has_when", sql`(${t.reply} is null) = (${t.repliedAt} is null)`),
    check("reviews_hidden_has_reason", sql`${t.hiddenAt} is null or ${t.hiddenReason} is not null`),
  ],
);

export const reviewReportReason = pgEnum("review_report_reason", ["health_details", "personal_information", "offensive", "spam", "not_genuine", "other"]);

// Anyone may report a review, signed in or not; the address only limits how many (lib/reviews/reports.ts).
export const reviewReports = pgTable(
  "review_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: reviewReportReason("reason").notNull(),
    note: text("note"),
    ip: text("ip").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_reports_review_idx").on(t.reviewId, t.createdAt),
    index("review_reports_ip_idx").on(t.ip, t.createdAt),
    check("review_reports_note_length", sql`char_length(${t.note}) <= 500`),
  ],
);

export type Review = typeof reviews.$inferSelect;

export const waitlistEndReason = pgEnum("waitlist_end_reason", ["left", "booked", "range_passed", "account_deleted"]);

/**
 * "Tell me if an earlier time opens": a patient waiting for a free time of one provider's
 * appointment type between two local dates (lib/waitlist). Offered in the order joined.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    appointmentTypeId: uuid("appointment_type_id")
      .notNull()
      .references(() => appointmentTypes.id, { onDelete: "cascade" }),
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: waitlistEndReason("end_reason"),
  },
  (t) => [
    index("waitlist_entries_provider_idx").on(t.providerId, t.joinedAt).where(sql`${t.endedAt} is null`),
    index("waitlist_entries_patient_idx").on(t.patientId).where(sql`${t.endedAt} is null`),
    check("waitlist_entries_range", sql`${t.fromDate} <= ${t.toDate}`),
    check("waitlist_entries_ended", sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
  ],
);

export const waitlistOfferOutcome = pgEnum("waitlist_offer_outcome", ["offered", "claimed", "expired", "withdrawn"]);

/** One freed time held for one entry for 15 minutes; the link's token is kept only as its hash. */
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: "cascade" }),
    holdBookingId: uuid("hold_booking_id").references(() => bookings.id, { onDelete: "set null" }),
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    outcome: waitlistOfferOutcome("outcome").notNull().default("offered"),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open offer per entry, whatever runs at once: the next freed time waits for this one.
    uniqueIndex("waitlist_offers_one_open").on(t.entryId).where(sql`${t.outcome} = 'offered'`),
    index("waitlist_offers_expiry_idx").on(t.expiresAt).where(sql`${t.outcome} = 'offered'`),
  ],
);

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type WaitlistOffer = typeof waitlistOffers.$inferSelect;
