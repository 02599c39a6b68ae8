import { existsSync, readFileSync } from "node:fs";
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows } from "@/db/client";
import { asOwner } from "@/db/testing/as-owner";
import { createProvider, createUser, seedReferenceData, validIntake, type TestUser } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { createBooking } from "@/lib/booking/queries";
import { getAvailability } from "@/lib/scheduling/queries";

// Every route handler and server action the build knows of, enumerated from its manifests (so a
// new endpoint cannot slip past), gets hostile input from every kind of caller. Each call must
// answer below 500, must log no unexpected error, and when it refuses, must have written nothing.

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
  // Writing the session cookie needs a live request; the e2e tests cover it.
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {}, after: () => {} }));

const MANIFESTS = ".next/server";

function readManifest<T>(name: string): T {
  const path = `${MANIFESTS}/${name}`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test builds before the integration tests).`);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

declare global {
  interface ImportMeta {
    glob<T>(patterns: string[]): Record<string, () => Promise<T>>;
  }
}
const SOURCES: Record<string, () => Promise<Record<string, unknown>>> = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>(["/app/**/*.ts", "/app/**/*.tsx"])).map(([path, load]) => [path.slice(1), load]),
);

type RouteEndpoint = { kind: "route" | "metadata"; key: string; source: string; params: string[] };
type ActionEndpoint = { kind: "action"; source: string; name: string };

/** The source file of each built route: a route.ts, or a metadata file (robots.ts, opengraph-image.tsx). */
function routeEndpoints(): RouteEndpoint[] {
  const paths = Object.keys(readManifest<Record<string, string>>("app-paths-manifest.json")).filter((key) => key.endsWith("/route"));
  return paths.flatMap((key): RouteEndpoint[] => {
    const params = [...key.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
    const handler = `app${key}.ts`;
    if (SOURCES[handler]) return [{ kind: "route", key, source: handler, params }];
    const base = `app${key.replace(/\/route$/, "").replace(/\.(txt|xml)$/, "")}`;
    const metadata = [`${base}.ts`, `${base}.tsx`].find((file) => SOURCES[file]);
    if (metadata) return [{ kind: "metadata", key, source: metadata, params }];
    // A static file the build serves as it is (app/icon.svg): no code to fuzz.
    if (existsSync(base)) return [];
    throw new Error(`no source for the built route ${key}`);
  });
}

function actionEndpoints(): ActionEndpoint[] {
  const manifest = readManifest<{ node: Record<string, { filename: string; exportedName: string }> }>("server-reference-manifest.json");
  return Object.values(manifest.node).map(({ filename, exportedName }) => ({ kind: "action", source: filename, name: exportedName }));
}

const HOSTILE = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x".repeat(1_000_000),
  "🙂🧪".repeat(20),
  "-1",
  "99999999999999999999999",
  "1e309",
  "0001-01-01",
  "9999-12-31T23:59:59Z",
  "0001-01-01T00:00:00Z",
  "",
  "%C0%AF",
  "' or 1=1 --",
];

const QUERY_KEYS = ["from", "to", "type", "condition", "near", "radiusMi", "insurance", "maxFee", "telehealth", "language", "gender", "availableWithinDays", "sort", "page", "callbackUrl", "id"];

/** Form data in which every field the action asks for holds `value` (and every list two of it). */
class HostileForm extends FormData {
  constructor(private readonly value: string) {
    super();
    for (const key of ["id", "name", "email", "password", "token", "reason", "note", "start", "choice", "role", "publish", "reviewId", "rating", "text", "reply", "slug", "mode"]) super.append(key, value);
  }
  override get(): FormDataEntryValue {
    return this.value;
  }
  override getAll(): FormDataEntryValue[] {
    return [this.value, this.value];
  }
  override has(): boolean {
    return true;
  }
}

/** JSON bodies: the value alone, as a list, in every known field, and nested where objects are expected. */
function hostileBodies(value: unknown, valid: Record<string, unknown>): unknown[] {
  const everyField = Object.fromEntries(Object.keys(valid).map((key) => [key, value]));
  const leaves = Object.keys(valid).map((key) => ({ ...valid, [key]: value }));
  const intakeLeaves = Object.keys(valid.intake as object).map((key) => ({ ...valid, intake: { ...(valid.intake as object), [key]: value } }));
  return [value, [value], everyField, ...leaves, ...intakeLeaves, { ...valid, intake: [value] }];
}

type Caller = "anonymous" | "patient" | "provider" | "admin";
const CALLERS: Caller[] = ["anonymous", "patient", "provider", "admin"];
let people: Record<Exclude<Caller, "anonymous">, TestUser>;
let validBooking: Record<string, unknown>;
/** A booking of the fuzzing patient, so the routes under /api/bookings/[id] also get past the id to the body. */
let ownBookingId: string;

const act = (caller: Caller) => actAs(caller === "anonymous" ? null : people[caller]);

// Every row written anywhere counts, in the writing transaction: a rolled-back write is no write.
async function installWriteCounter() {
  // Only the owner may create tables and triggers; the app's role then fires them.
  await asOwner(async (db) => {
    await db.execute(sql`create table fuzz_writes (n bigint not null)`);
    await db.execute(sql`insert into fuzz_writes values (0)`);
    await db.execute(sql.raw(`create function fuzz_count() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1; return null; end $$`));
    const tables = (await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'fuzz_writes'`)) as unknown as { rows: { name: string }[] };
    for (const { name } of tables.rows) {
      await db.execute(sql.raw(`create trigger fuzz_count after insert or update or delete on "${name}" for each row execute function fuzz_count()`));
    }
  });
}

const writes = async () => Number((await executeRows<{ n: string }>(sql`select n from fuzz_writes`))[0]!.n);

type Outcome = { status: number; refused: boolean; detail?: string };

/** What the call answered, or the 500 its escape would have been. */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call();
    if (result instanceof Response) return { status: result.status, refused: result.status >= 400, detail: result.status >= 500 ? (await result.text()).slice(0, 200) : undefined };
    const refused = result !== undefined && result !== null && typeof result === "object" && "error" in result;
    return { status: 200, refused };
  } catch (error) {
    const digest = String((error as { digest?: unknown })?.digest ?? "");
    // Next's own signals: a redirect (after success, or to sign in) and notFound/forbidden.
    if (digest.startsWith("NEXT_REDIRECT")) return { status: 303, refused: false };
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return { status: Number(digest.split(";")[1]), refused: true };
    return { status: 500, refused: true, detail: `threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}` };
  }
}

const FAILURE_EVENTS = new Set(["unexpected", "input_reached_database", "action_failed"]);

type Failure = { endpoint: string; caller: Caller; input: string; why: string };

/** Runs one hostile call and returns what went wrong with it, if anything. */
async function probe(endpoint: string, caller: Caller, input: string, call: () => Promise<unknown>): Promise<Failure | null> {
  await act(caller);
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  const spies = [vi.spyOn(console, "log").mockImplementation(keep), vi.spyOn(console, "error").mockImplementation(keep), vi.spyOn(console, "warn").mockImplementation(keep)];
  const before = await writes();
  let outcome: Outcome;
  try {
    outcome = await outcomeOf(call);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  const after = await writes();
  const flagged = lines.filter((line) => {
    try {
      return FAILURE_EVENTS.has(JSON.parse(line).event);
    } catch {
      // Anything printed that is not our logger's line came from elsewhere: a failure to look at.
      return true;
    }
  });
  const why = outcome.status >= 500 ? `answered ${outcome.status} (${outcome.detail})` : flagged.length > 0 ? `logged ${flagged[0]!.slice(0, 300)}` : outcome.refused && after !== before ? `refused but wrote ${after - before} rows` : null;
  return why ? { endpoint, caller, input: JSON.stringify(input).slice(0, 60), why } : null;
}

beforeAll(async () => {
  await seedReferenceData();
  people = { patient: await createUser("patient"), provider: await createUser("provider"), admin: await createUser("admin") };
  const provider = await createProvider({ name: "Fuzz Target", provider: { userId: people.provider.id } });
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const free = await getAvailability(provider.slug, { from, to, type: provider.typeIds[0]! });
  if (!free.ok || !free.slots[0]) throw new Error("the fuzz target has no free slot");
  validBooking = { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0], locationId: free.slots[0].locationId, start: free.slots[0].start, telehealth: true, patientState: "NY", intake: validIntake() };
  const own = free.slots[1]!;
  const booked = await createBooking(people.patient, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: own.locationId, start: own.start, telehealth: false, intake: validIntake() });
  if (!booked.ok) throw new Error(booked.message);
  ownBookingId = booked.id;
  await installWriteCounter();
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

function requestsFor(key: string, params: string[], value: string): { request: NextRequest; params: Record<string, string | string[]> }[] {
  const path = key.replace(/\/route$/, "").replace(/\[\.\.\.[^\]]+\]/, "x").replace(/\[[^\]]+\]/g, "x");
  const query = new URLSearchParams(QUERY_KEYS.map((k) => [k, value.slice(0, 2000)])).toString();
  const hostileParams = Object.fromEntries(params.map((p) => [p, key.includes(`[...${p}]`) ? [value, value] : value]));
  const url = `http://localhost:3000${path}?${query}`;
  // A review's fields (POST and PATCH /api/providers/[slug]/reviews) beside the booking's.
  const reviewBodies = [{ rating: value }, { rating: 5, text: value }, { rating: 5, showName: value }, { rating: 5, text: [value] }];
  // A booking change's fields (POST /api/bookings/[id]/cancel and /reschedule).
  const changeBodies = [{ reason: value }, { reason: [value] }, { start: value }, { start: [value] }];
  const bodies = [...[...hostileBodies(value, validBooking), ...reviewBodies, ...changeBodies].map((b) => JSON.stringify(b)), "{broken", JSON.stringify({ x: value }).repeat(2)];
  // HTTP cannot carry a NUL or a lone surrogate in a header; such a request never reaches a route.
  const header = /^[\x20-\x7e]*$/.test(value) ? value.slice(0, 200) : "x";
  const post = (body: string, routeParams: Record<string, string | string[]>, type = "application/json") => ({
    request: new NextRequest(url, { method: "POST", body, headers: { "content-type": type, "stripe-signature": header, authorization: `Bearer ${header}` } }),
    params: routeParams,
  });
  // A booking's routes also get a real id of the patient's, so a change's hostile fields reach its schema.
  const ownBooking = key.startsWith("/api/bookings/[id]/")
    ? [{ request: new NextRequest(url), params: { id: ownBookingId } }, ...[...changeBodies.map((b) => JSON.stringify(b)), "{broken"].map((body) => post(body, { id: ownBookingId }))]
    : [];
  return [{ request: new NextRequest(url), params: hostileParams }, ...bodies.map((body) => post(body, hostileParams)), post(value, hostileParams, "text/plain"), ...ownBooking];
}

// A few thousand calls: about 30 s on a quiet machine, several times that on a busy one.
const FUZZ_TIMEOUT_MS = 300_000;

describe("hostile input to every endpoint of the build", () => {
  it("enumerates the build's routes and actions, and knows the source of each", () => {
    const endpoints = [...routeEndpoints(), ...actionEndpoints()];
    expect(endpoints.filter((e) => e.kind === "route").length).toBeGreaterThanOrEqual(10);
    expect(endpoints.filter((e) => e.kind === "action").length).toBeGreaterThanOrEqual(30);
    for (const endpoint of endpoints) expect(SOURCES[endpoint.source], endpoint.source).toBeDefined();
  });

  it("counts a write, so a refusal that wrote would be seen", async () => {
    const before = await writes();
    await createUser("patient");
    expect(await writes()).toBeGreaterThan(before);
  });

  it("route handlers answer below 500, log nothing unexpected, and write nothing when they refuse", async () => {
    const failures: Failure[] = [];
    for (const endpoint of routeEndpoints()) {
      const loaded = await SOURCES[endpoint.source]!();
      for (const value of HOSTILE) {
        for (const { request, params } of requestsFor(endpoint.key, endpoint.params, value)) {
          // Bodies go to the two callers a POST route serves (a visitor, a patient); the rest see GETs.
          const callers = request.method === "GET" ? CALLERS : (["anonymous", "patient"] as const);
          for (const caller of callers) {
            if (endpoint.kind === "metadata") {
              const render = loaded.default as (props: { params: Promise<Record<string, unknown>> }) => Promise<unknown>;
              if (request.method !== "GET") continue;
              failures.push(...[await probe(endpoint.key, caller, value, () => render({ params: Promise.resolve(params) }))].filter((f) => f !== null));
              continue;
            }
            for (const method of METHODS) {
              const handler = loaded[method] as Handler | undefined;
              if (!handler || (method === "GET") !== (request.method === "GET")) continue;
              const call = () => handler(new NextRequest(request.clone()), { params: Promise.resolve(params) });
              const failure = await probe(`${method} ${endpoint.key}`, caller, value, call);
              if (failure) failures.push(failure);
            }
          }
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it("server actions answer with a message or a redirect, log nothing unexpected, and write nothing when they refuse", async () => {
    const failures: Failure[] = [];
    for (const endpoint of actionEndpoints()) {
      const loaded = await SOURCES[endpoint.source]!();
      const action = loaded[endpoint.name] as (previous: unknown, form: unknown) => Promise<unknown>;
      const inputs: [string, () => [unknown, unknown]][] = [
        ...HOSTILE.map((value): [string, () => [unknown, unknown]] => [value, () => [{}, new HostileForm(value)]]),
        ["no form", () => [undefined, undefined]],
        ["a string for the form", () => [null, "id=1"]],
        ["an object for the form", () => [[], { id: ["1", "2"] }]],
      ];
      for (const [label, args] of inputs) {
        for (const caller of CALLERS) {
          const failure = await probe(`${endpoint.source}#${endpoint.name}`, caller, label, () => action(...args()));
          if (failure) failures.push(failure);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, FUZZ_TIMEOUT_MS);
});
