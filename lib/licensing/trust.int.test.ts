import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb, type Database } from "@/db/client";
import { appointmentTypes, conditions, insuranceCarriers, licenses, locations, providerConditions, providerInsurance, providers, weeklyHours } from "@/db/schema";
import { createProvider, seedReferenceData, TEST_CARRIERS, TEST_CONDITIONS, validNpi, verified } from "@/db/testing/fixtures";
import { asOwner } from "@/db/testing/as-owner";
import { bookableLocation } from "./trust";

// search_entries is trigger-maintained derived data that every listing query reads (trust.ts). This
// drives random listing and license states through direct writes (as fixtures, the seed or a
// hand-written fix would make them) and checks after every step that (1) bookableLocation answers
// exactly what the trust rule read straight from the source tables answers, on days before, on and
// after the expiry dates in play, and (2) every entry matches its source rows.

const STATES = ["NY", "NJ", "TX"] as const;
type State = (typeof STATES)[number];
const PLACES: Record<State, { city: string; zip: string; latitude: number; longitude: number; timeZone: string }> = {
  NY: { city: "New York", zip: "10016", latitude: 40.7443, longitude: -73.9781, timeZone: "America/New_York" },
  NJ: { city: "Jersey City", zip: "07302", latitude: 40.7178, longitude: -74.0431, timeZone: "America/New_York" },
  TX: { city: "Austin", zip: "78701", latitude: 30.2711, longitude: -97.7437, timeZone: "America/Chicago" },
};
const EXPIRIES = ["2025-06-30", "2026-11-23", "2026-11-24", "2026-11-25", "2027-12-31"] as const;
const CHECK_DAYS = ["2026-11-23", "2026-11-24", "2026-11-25", "2027-01-01", "2028-01-01"] as const;
const STATUSES = ["pending", "verified", "rejected"] as const;
type Status = (typeof STATUSES)[number];
const PROVIDERS = 3;

/** The columns a status needs to pass the table's checks. */
function statusColumns(status: Status) {
  if (status === "verified") return { status, verifiedAt: verified.verifiedAt, rejectionReason: null };
  if (status === "rejected") return { status, verifiedAt: null, rejectionReason: "No record" };
  return { status, verifiedAt: null, rejectionReason: null };
}

// Weighted towards listable providers (mostly NY, mostly verified): a world that lists nobody
// would test little.
const stateArb = fc.constantFrom<State>("NY", "NY", "NJ", "TX");
const statusArb = fc.constantFrom<Status>("verified", "verified", "pending", "rejected");
const stateLicenseArb = fc.record({ state: stateArb, status: statusArb, expiresOn: fc.constantFrom(...EXPIRIES) });

const providerArb = fc.record({
  published: fc.constantFrom(true, true, true, false),
  suspended: fc.constantFrom(false, false, false, true),
  npi: fc.constantFrom<Status | "none">("verified", "verified", "verified", "pending", "rejected", "none"),
  locations: fc.array(stateArb, { minLength: 1, maxLength: 3 }),
  stateLicenses: fc.array(stateLicenseArb, { minLength: 1, maxLength: 4 }),
  board: fc.boolean(),
  conditions: fc.subarray([...TEST_CONDITIONS]),
  carriers: fc.subarray([...TEST_CARRIERS]),
  // Listed means bookable: an initial consultation type, and weekly hours at the location.
  consultation: fc.constantFrom(true, true, true, false),
  hours: fc.constantFrom(true, true, true, false),
});

const who = fc.nat(PROVIDERS - 1);
const pick = fc.nat(5);
const operationArb = fc.oneof(
  fc.record({ op: fc.constant("license-insert" as const), who, license: stateLicenseArb }),
  fc.record({ op: fc.constant("license-status" as const), who, pick, status: statusArb }),
  fc.record({ op: fc.constant("license-expiry" as const), who, pick, expiresOn: fc.constantFrom(...EXPIRIES) }),
  fc.record({ op: fc.constant("license-state" as const), who, pick, state: fc.constantFrom(...STATES) }),
  fc.record({ op: fc.constant("license-delete" as const), who, pick }),
  // One statement across every provider: the statement-level triggers must catch them all.
  fc.record({ op: fc.constant("licenses-of-state" as const), state: fc.constantFrom(...STATES), status: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant("npi" as const), who, status: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant("publish" as const), who, published: fc.boolean() }),
  fc.record({ op: fc.constant("suspend" as const), who, suspended: fc.boolean() }),
  fc.record({ op: fc.constant("listing-edit" as const), who, telehealth: fc.boolean() }),
  fc.record({ op: fc.constant("type-fee" as const), who, pick, feeCents: fc.constantFrom(9_000, 20_000, 45_000) }),
  fc.record({ op: fc.constant("type-archive" as const), who, pick }),
  fc.record({ op: fc.constant("type-insert" as const), who, feeCents: fc.constantFrom(9_000, 20_000, 45_000), kind: fc.constantFrom("initial_consultation" as const, "treatment" as const) }),
  fc.record({ op: fc.constant("type-delete" as const), who, pick }),
  fc.record({ op: fc.constant("hours-delete" as const), who, pick }),
  fc.record({ op: fc.constant("hours-insert" as const), who, pick }),
  fc.record({ op: fc.constant("location-insert" as const), who, state: fc.constantFrom(...STATES) }),
  fc.record({ op: fc.constant("location-state" as const), who, pick, state: fc.constantFrom(...STATES) }),
  fc.record({ op: fc.constant("location-move" as const), who, pick, to: who }),
  fc.record({ op: fc.constant("location-delete" as const), who, pick }),
  fc.record({ op: fc.constant("condition-toggle" as const), who, condition: fc.constantFrom(...TEST_CONDITIONS) }),
  fc.record({ op: fc.constant("condition-years" as const), who, years: fc.nat(40) }),
  fc.record({ op: fc.constant("carrier-toggle" as const), who, carrier: fc.constantFrom(...TEST_CARRIERS) }),
  fc.record({ op: fc.constant("carrier-swap" as const), who }),
  fc.record({ op: fc.constant("provider-delete" as const), who }),
);
type ProviderSpec = typeof providerArb extends fc.Arbitrary<infer T> ? T : never;
type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;

let db: Database;
let conditionIds: Map<string, number>;
let carrierIds: Map<string, number>;

beforeAll(async () => {
  await seedReferenceData();
  db = await getDb();
  conditionIds = new Map((await db.select({ id: conditions.id, slug: conditions.slug }).from(conditions)).map((c) => [c.slug, c.id]));
  carrierIds = new Map((await db.select({ id: insuranceCarriers.id, slug: insuranceCarriers.slug }).from(insuranceCarriers)).map((c) => [c.slug, c.id]));
});

async function createWorld(specs: ProviderSpec[]) {
  const ids: string[] = [];
  for (const spec of specs) {
    const npi = spec.npi === "none" ? [] : [{ kind: "npi" as const, number: validNpi(), ...statusColumns(spec.npi) }];
    const state = spec.stateLicenses.map((l, i) => ({ kind: "state" as const, state: l.state, number: `${l.state}-${i}`, expiresOn: l.expiresOn, ...statusColumns(l.status) }));
    const board = spec.board ? [{ kind: "board" as const, number: "B-1", issuer: "A board", ...statusColumns("verified") }] : [];
    const created = await createProvider({
      provider: { listingStatus: spec.published ? "published" : "draft", suspendedAt: spec.suspended ? new Date("2026-11-01T00:00:00Z") : null },
      locations: spec.locations.map((s) => ({ ...PLACES[s], state: s })),
      conditions: spec.conditions.map((slug) => ({ slug, yearsTreating: 3 })),
      carriers: spec.carriers,
      licenses: [...npi, ...state, ...board],
      appointmentTypes: [spec.consultation ? {} : { kind: "treatment", name: "Treatment" }],
      ...(spec.hours ? {} : { hours: [] }),
    });
    ids.push(created.id);
  }
  return ids;
}

/** The n-th (mod count) row id of a provider's rows, in a stable order; null when there are none. */
async function nth(table: typeof licenses | typeof locations | typeof appointmentTypes, providerId: string, n: number, where?: SQL): Promise<string | null> {
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(where ? and(eq(table.providerId, providerId), where) : eq(table.providerId, providerId))
    .orderBy(table.id);
  return rows.length === 0 ? null : rows[n % rows.length]!.id;
}

const exists = async (providerId: string) => (await db.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId))).length > 0;

async function apply(ids: string[], o: Operation): Promise<void> {
  const providerId = "who" in o ? ids[o.who]! : "";
  // A deleted provider stays deleted; what would have changed it does nothing.
  if ("who" in o && !(await exists(providerId))) return;
  const stateLicense = eq(licenses.kind, "state");
  switch (o.op) {
    case "license-insert":
      await db.insert(licenses).values({ providerId, kind: "state", state: o.license.state, number: `${o.license.state}-x${Math.random()}`, expiresOn: o.license.expiresOn, ...statusColumns(o.license.status) });
      return;
    case "license-status":
    case "license-expiry":
    case "license-state": {
      const id = await nth(licenses, providerId, o.pick, stateLicense);
      if (!id) return;
      const set = o.op === "license-status" ? statusColumns(o.status) : o.op === "license-expiry" ? { expiresOn: o.expiresOn } : { state: o.state };
      await db.update(licenses).set(set).where(eq(licenses.id, id));
      return;
    }
    case "license-delete": {
      const id = await nth(licenses, providerId, o.pick);
      if (id) await db.delete(licenses).where(eq(licenses.id, id));
      return;
    }
    case "licenses-of-state":
      await db.update(licenses).set(statusColumns(o.status)).where(and(stateLicense, eq(licenses.state, o.state)));
      return;
    case "npi": {
      // One live NPI per provider: replace whatever is there.
      await db.delete(licenses).where(and(eq(licenses.providerId, providerId), eq(licenses.kind, "npi")));
      await db.insert(licenses).values({ providerId, kind: "npi", number: validNpi(), ...statusColumns(o.status) });
      return;
    }
    case "publish":
      await db.update(providers).set({ listingStatus: o.published ? "published" : "draft" }).where(eq(providers.id, providerId));
      return;
    case "suspend":
      await db.update(providers).set({ suspendedAt: o.suspended ? new Date("2026-11-20T00:00:00Z") : null }).where(eq(providers.id, providerId));
      return;
    case "listing-edit":
      await db.update(providers).set({ telehealth: o.telehealth, name: `Dr. Edited ${o.telehealth}` }).where(eq(providers.id, providerId));
      return;
    case "type-fee":
    case "type-archive":
    case "type-delete": {
      const id = await nth(appointmentTypes, providerId, o.pick);
      if (!id) return;
      if (o.op === "type-delete") await db.delete(appointmentTypes).where(eq(appointmentTypes.id, id));
      else if (o.op === "type-fee") await db.update(appointmentTypes).set({ feeCents: o.feeCents }).where(eq(appointmentTypes.id, id));
      else await db.update(appointmentTypes).set({ archivedAt: sql`case when ${appointmentTypes.archivedAt} is null then now() end` }).where(eq(appointmentTypes.id, id));
      return;
    }
    case "type-insert":
      await db.insert(appointmentTypes).values({ providerId, kind: o.kind, name: "Added", minutes: 30, feeCents: o.feeCents });
      return;
    case "hours-delete":
    case "hours-insert": {
      const id = await nth(locations, providerId, o.pick);
      if (!id) return;
      if (o.op === "hours-delete") await db.delete(weeklyHours).where(eq(weeklyHours.locationId, id));
      else await db.insert(weeklyHours).values({ locationId: id, weekday: 6, startMinute: 600, endMinute: 720 }).onConflictDoNothing();
      return;
    }
    case "location-insert":
      await db.insert(locations).values({ providerId, name: "Added", addressLine1: "2 Test St", ...PLACES[o.state], state: o.state });
      return;
    case "location-state":
    case "location-move":
    case "location-delete": {
      const id = await nth(locations, providerId, o.pick);
      if (!id) return;
      if (o.op === "location-delete") await db.delete(locations).where(eq(locations.id, id));
      else if (o.op === "location-state") await db.update(locations).set({ ...PLACES[o.state], state: o.state }).where(eq(locations.id, id));
      else if (await exists(ids[o.to]!)) await db.update(locations).set({ providerId: ids[o.to]! }).where(eq(locations.id, id));
      return;
    }
    case "condition-toggle": {
      const conditionId = conditionIds.get(o.condition)!;
      const removed = await db
        .delete(providerConditions)
        .where(and(eq(providerConditions.providerId, providerId), eq(providerConditions.conditionId, conditionId)))
        .returning({ id: providerConditions.providerId });
      if (removed.length === 0) await db.insert(providerConditions).values({ providerId, conditionId, yearsTreating: 5 });
      return;
    }
    case "condition-years":
      await db.update(providerConditions).set({ yearsTreating: o.years }).where(eq(providerConditions.providerId, providerId));
      return;
    case "carrier-toggle": {
      const carrierId = carrierIds.get(o.carrier)!;
      const removed = await db
        .delete(providerInsurance)
        .where(and(eq(providerInsurance.providerId, providerId), eq(providerInsurance.carrierId, carrierId)))
        .returning({ id: providerInsurance.providerId });
      if (removed.length === 0) await db.insert(providerInsurance).values({ providerId, carrierId });
      return;
    }
    case "carrier-swap": {
      // A provider's one carrier becomes the other one, in an UPDATE.
      const held = await db.select({ carrierId: providerInsurance.carrierId }).from(providerInsurance).where(eq(providerInsurance.providerId, providerId));
      if (held.length !== 1) return;
      const other = [...carrierIds.values()].find((id) => id !== held[0]!.carrierId)!;
      await db.update(providerInsurance).set({ carrierId: other }).where(eq(providerInsurance.providerId, providerId));
      return;
    }
    case "provider-delete":
      await db.delete(providers).where(eq(providers.id, providerId));
      return;
  }
}

/** The trust rule (docs/architecture.md) for a location `l` of provider `p`, read straight from the source tables. */
function trustRuleFromSources(day: string): SQL {
  return sql`p.listing_status = 'published' and p.suspended_at is null
    and exists (select 1 from licenses npi where npi.provider_id = p.id and npi.kind = 'npi' and npi.status = 'verified')
    and exists (select 1 from licenses lic where lic.provider_id = p.id and lic.kind = 'state' and lic.status = 'verified'
      and lic.state = l.state and lic.expires_on >= ${day}::date)
    and exists (select 1 from appointment_types a where a.provider_id = p.id and a.kind = 'initial_consultation' and a.archived_at is null)
    and exists (select 1 from weekly_hours wh where wh.location_id = l.id)`;
}

async function expectTrustRuleHolds(ids: string[]): Promise<void> {
  for (const day of CHECK_DAYS) {
    const rows = await executeRows<{ id: string; denormalized: boolean; source: boolean }>(sql`
      select l.id, ${bookableLocation(day)} as denormalized, ${trustRuleFromSources(day)} as source
      from locations l join providers p on p.id = l.provider_id
      where p.id in ${ids}`);
    for (const row of rows) expect({ day, location: row.id, listed: row.denormalized }).toEqual({ day, location: row.id, listed: row.source });
  }
}

/** Every entry, and what it should hold according to the source tables, as comparable text. */
async function expectEntriesMatchSources(): Promise<void> {
  const columns = sql`location_id, coalesce(condition_id, 0) as condition, provider_id, listable_until::text as until, latitude, longitude,
    round(cos_latitude::numeric, 12) as cos, city, state, years_treating, years_experience, consult_fee_cents, self_pay, telehealth,
    languages, carrier_ids, name, slug`;
  const order = sql`order by location_id, condition`;
  const actual = await executeRows<Record<string, unknown>>(sql`select ${columns} from search_entries ${order}`);
  const expected = await executeRows<Record<string, unknown>>(sql`
    with listable as (
      select l.id as location_id, l.provider_id, max(lic.expires_on) as listable_until
      from locations l
      join providers p on p.id = l.provider_id
      join licenses lic on lic.provider_id = p.id and lic.kind = 'state' and lic.status = 'verified' and lic.state = l.state
      where p.listing_status = 'published' and p.suspended_at is null
        and p.id in (select provider_id from licenses where kind = 'npi' and status = 'verified')
        and p.id in (select provider_id from appointment_types where kind = 'initial_consultation' and archived_at is null)
        and l.id in (select location_id from weekly_hours)
      group by l.id, l.provider_id
    ), entries as (
      select ll.location_id, null::smallint as condition_id, null::smallint as years_treating, ll.provider_id, ll.listable_until from listable ll
      union all
      select ll.location_id, pc.condition_id, pc.years_treating, ll.provider_id, ll.listable_until
      from listable ll join provider_conditions pc on pc.provider_id = ll.provider_id
    )
    select ${columns} from (
      select x.location_id, x.condition_id, x.provider_id, x.listable_until, l.latitude, l.longitude, cos(radians(l.latitude)) as cos_latitude,
        l.city, l.state, x.years_treating, p.years_experience, p.self_pay, p.telehealth, p.languages,
        (select min(a.fee_cents) from appointment_types a
          where a.provider_id = p.id and a.kind = 'initial_consultation' and a.archived_at is null) as consult_fee_cents,
        coalesce((select array_agg(pi.carrier_id order by pi.carrier_id) from provider_insurance pi where pi.provider_id = p.id), '{}') as carrier_ids,
        p.name, p.slug
      from entries x join locations l on l.id = x.location_id join providers p on p.id = x.provider_id
    ) derived ${order}`);
  expect(actual).toEqual(expected);
}

describe("search entries and the trust rule", () => {
  it("agree with the source tables through random listing and license changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(providerArb, { minLength: PROVIDERS, maxLength: PROVIDERS }), fc.array(operationArb, { maxLength: 20 }), async (specs, operations) => {
        // eslint-disable-next-line drizzle/enforce-delete-with-where -- each run starts from an empty directory
        await db.delete(providers);
        const ids = await createWorld(specs);
        await expectTrustRuleHolds(ids);
        await expectEntriesMatchSources();
        for (const operation of operations) {
          await apply(ids, operation);
          await expectTrustRuleHolds(ids);
          await expectEntriesMatchSources();
        }
      }),
      { numRuns: 80 },
    );
  }, 180_000);

  it("follows every kind of write, one after another", async () => {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- starts from an empty directory
    await db.delete(providers);
    const listable = { published: true, suspended: false, npi: "verified" as const, board: false, conditions: [], carriers: [], consultation: true, hours: true };
    const ids = await createWorld([
      { ...listable, locations: ["NY"], stateLicenses: [{ state: "NY", status: "verified", expiresOn: "2026-11-24" }], conditions: ["tmj-jaw-pain"], carriers: ["aetna"] },
      { ...listable, locations: ["NJ"], stateLicenses: [{ state: "NJ", status: "verified", expiresOn: "2027-12-31" }] },
      { ...listable, locations: ["TX"], stateLicenses: [{ state: "TX", status: "pending", expiresOn: "2027-12-31" }] },
    ]);
    const script: Operation[] = [
      { op: "location-insert", who: 0, state: "NY" },
      { op: "location-insert", who: 0, state: "TX" },
      { op: "license-insert", who: 0, license: { state: "TX", status: "verified", expiresOn: "2027-12-31" } },
      { op: "license-expiry", who: 0, pick: 0, expiresOn: "2027-12-31" },
      { op: "license-state", who: 0, pick: 0, state: "NJ" },
      { op: "licenses-of-state", state: "TX", status: "verified" },
      { op: "license-delete", who: 2, pick: 1 },
      { op: "location-state", who: 1, pick: 0, state: "TX" },
      { op: "location-move", who: 1, pick: 0, to: 2 },
      { op: "suspend", who: 0, suspended: true },
      { op: "suspend", who: 0, suspended: false },
      { op: "publish", who: 0, published: false },
      { op: "publish", who: 0, published: true },
      { op: "npi", who: 0, status: "pending" },
      { op: "npi", who: 0, status: "verified" },
      { op: "listing-edit", who: 0, telehealth: true },
      { op: "type-fee", who: 0, pick: 0, feeCents: 9_000 },
      { op: "type-insert", who: 0, kind: "initial_consultation", feeCents: 45_000 },
      { op: "type-archive", who: 0, pick: 0 },
      { op: "type-archive", who: 0, pick: 0 },
      { op: "type-insert", who: 2, kind: "treatment", feeCents: 20_000 },
      { op: "type-delete", who: 0, pick: 1 },
      { op: "hours-delete", who: 0, pick: 0 },
      { op: "hours-insert", who: 0, pick: 0 },
      { op: "condition-toggle", who: 0, condition: "chronic-migraine" },
      { op: "condition-years", who: 0, years: 12 },
      { op: "condition-toggle", who: 0, condition: "tmj-jaw-pain" },
      { op: "carrier-swap", who: 0 },
      { op: "carrier-toggle", who: 0, carrier: "aetna" },
      { op: "carrier-toggle", who: 0, carrier: "aetna" },
      { op: "location-delete", who: 0, pick: 1 },
      { op: "provider-delete", who: 1 },
    ];
    // Which row `pick` names depends on random ids, so the entries along the way vary; that they
    // come and go at all shows the script is not checking an empty directory.
    const counts: number[] = [];
    for (const operation of script) {
      await apply(ids, operation);
      await expectTrustRuleHolds(ids);
      await expectEntriesMatchSources();
      counts.push((await executeRows<{ n: number }>(sql`select count(*)::int as n from search_entries`))[0]!.n);
    }
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it("follows a TRUNCATE, which fires no row trigger", async () => {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- starts from an empty directory
    await db.delete(providers);
    const ids = await createWorld([
      { published: true, suspended: false, npi: "verified", locations: ["NY"], stateLicenses: [{ state: "NY", status: "verified", expiresOn: "2027-12-31" }], board: false, conditions: ["tmj-jaw-pain"], carriers: ["aetna"], consultation: true, hours: true },
    ]);
    for (const table of ["provider_insurance", "provider_conditions", "weekly_hours", "appointment_types", "licenses"]) {
      // CASCADE: bookings refer to appointment types (and would keep a TRUNCATE from running).
      await asOwner((owner) => owner.execute(sql`truncate ${sql.identifier(table)} cascade`));
      await expectTrustRuleHolds(ids);
      await expectEntriesMatchSources();
    }
    const entries = await executeRows<{ n: number }>(sql`select count(*)::int as n from search_entries`);
    expect(entries[0]!.n).toBe(0);
  });

  it("keeps entries when a statement changes nothing that matters, and drops them with the provider", async () => {
    const ids = await createWorld([
      { published: true, suspended: false, npi: "verified", locations: ["NY"], stateLicenses: [{ state: "NY", status: "verified", expiresOn: "2027-12-31" }], board: false, conditions: ["tmj-jaw-pain"], carriers: [], consultation: true, hours: true },
    ]);
    const count = async () => (await executeRows<{ n: number }>(sql`select count(*)::int as n from search_entries where provider_id in ${ids}`))[0]!.n;
    expect(await count()).toBe(2);
    await db.update(providers).set({ updatedAt: new Date() }).where(inArray(providers.id, ids));
    expect(await count()).toBe(2);
    await db.delete(providers).where(inArray(providers.id, ids));
    expect(await count()).toBe(0);
  });
});

// PGlite has one connection; on a server two transactions can change one provider at once, and the
// rebuild that runs second must see what the first committed.
describe.skipIf(!process.env.DATABASE_URL)("search entries under concurrent writes", () => {
  it("lists a location added while the provider's license is being approved", async () => {
    const ids = await createWorld([
      { published: true, suspended: false, npi: "verified", locations: ["NY"], stateLicenses: [{ state: "NY", status: "pending", expiresOn: "2027-12-31" }], board: false, conditions: [], carriers: [], consultation: true, hours: true },
    ]);
    const providerId = ids[0]!;
    const [license] = await db.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.providerId, providerId), eq(licenses.kind, "state")));
    const approver = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const editor = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([approver.connect(), editor.connect()]);
    try {
      await approver.query("begin");
      await approver.query("update licenses set status = 'verified', verified_at = now() where id = $1", [license!.id]);
      await editor.query("begin");
      const place = PLACES.NY;
      // Its rebuild must wait for the approval: run before it commits, it would not see the license.
      const adding = editor.query(
        `with added as (
          insert into locations (provider_id, name, address_line1, city, state, zip, latitude, longitude, time_zone)
          values ($1, 'Second', '3 Test St', $2, 'NY', $3, $4, $5, $6) returning id
        ) insert into weekly_hours (location_id, weekday, start_minute, end_minute) select id, 2, 540, 1020 from added`,
        [providerId, place.city, place.zip, place.latitude, place.longitude, place.timeZone],
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await approver.query("commit");
      await adding;
      await editor.query("commit");
    } finally {
      await Promise.all([approver.end(), editor.end()]);
    }
    await expectTrustRuleHolds(ids);
    await expectEntriesMatchSources();
    const listed = await executeRows<{ n: number }>(sql`select count(*)::int as n from locations l where l.provider_id = ${providerId} and ${bookableLocation("2026-11-24")}`);
    expect(listed[0]!.n).toBe(2);
  });
});
