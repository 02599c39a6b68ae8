import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { bookings, locations, reviews } from "@/db/schema";
import { API_INTAKE, createProvider, createUser, seedReferenceData, type TestUser, validIntake } from "@/db/testing/fixtures";
import { createAccount } from "@/lib/auth/accounts";
import { actAs } from "@/lib/auth/testing/acting-user";
import { newBookingRow } from "@/lib/booking/booking-row";
import { getAvailability } from "@/lib/scheduling/queries";
import { ROUTES } from "./openapi";

// Every operation the document describes is called here for real, against the database, and its
// answer parsed with the very schema the document was generated from: a route that answers a
// field the document does not list (the schemas are strict), or lacks one it promises, fails.

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const DAY = 86_400_000;
const PASSWORD = "a long enough password";

/** The route module of an OpenAPI path: /api/bookings/{id}/cancel → app/api/bookings/[id]/cancel/route.ts. */
const modules = import.meta.glob<Record<string, Handler>>(["/app/api/**/route.ts"]);
async function handlerFor(path: string, method: string): Promise<Handler> {
  const file = `/app${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  const load = modules[file];
  if (!load) throw new Error(`no route module ${file}`);
  const handler = (await load())[method.toUpperCase()];
  if (!handler) throw new Error(`${file} has no ${method}`);
  return handler;
}

async function call(method: string, path: string, params: Record<string, string>, { query = "", body }: { query?: string; body?: unknown } = {}): Promise<Response> {
  const handler = await handlerFor(path, method);
  const url = `http://localhost:3000${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!)}${query}`;
  const init = body === undefined ? { method: method.toUpperCase() } : { method: method.toUpperCase(), headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  return handler(new NextRequest(url, init), { params: Promise.resolve(params) });
}

let provider: Awaited<ReturnType<typeof createProvider>>;
let patient: TestUser;
let slots: { start: string; locationId: string }[];
const from = () => new Date().toISOString().slice(0, 10);
const to = () => new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedReferenceData();
  provider = await createProvider({ name: "Dr. Documented", conditions: [{ slug: "chronic-migraine" }] });
  const free = await getAvailability(provider.slug, { from: from(), to: to(), type: provider.typeIds[0]! });
  if (!free.ok) throw new Error(free.message);
  slots = free.slots;
  patient = await createUser("patient");
});

/** A completed visit `daysAgo`, which lets the patient review the provider. */
async function visit(daysAgo: number) {
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.providerId, provider.id));
  const type = { id: provider.typeIds[0]!, name: "Initial consultation", minutes: 30, bufferAfterMinutes: 0, feeCents: 20_000, depositCents: 0 };
  await db.insert(bookings).values(newBookingRow({ providerId: provider.id, patientId: patient.id, location: location!, type, start: new Date(Date.now() - daysAgo * DAY), status: "completed", intake: validIntake(), cancellationWindowHours: 24 }));
}

const booking = (slot: { start: string; locationId: string }) => ({ providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0], locationId: slot.locationId, start: slot.start, intake: API_INTAKE });

describe("the OpenAPI document", () => {
  it("is served publicly and cacheably, and lists every documented operation with its answer", async () => {
    await actAs(null);
    const response = await call("get", "/api/openapi.json", {});
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/public/);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    for (const route of ROUTES) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.responses[String(route.status)], `${route.method} ${route.path} ${route.status}`).toBeDefined();
      if (route.response) expect(operation.responses[String(route.status)].content["application/json"].schema).toBeDefined();
    }
    // The new booking routes, and their bodies as the pages validate them.
    expect(document.paths["/api/bookings/{id}/reschedule"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/RescheduleBookingBody" });
    expect(document.components.schemas.PatientBooking.properties).not.toHaveProperty("intake");
  });

  it("documents every JSON route in app/api, and nothing that is not there", async () => {
    const documented = new Set(ROUTES.map((r) => `${r.method.toUpperCase()} /app${r.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`));
    const present: string[] = [];
    for (const [file, load] of Object.entries(modules)) {
      // Auth.js's own endpoints, the Stripe webhook, the cron and photos are not the public JSON API.
      if (/\/api\/(auth|stripe|cron|photos|openapi\.json)\//.test(file)) continue;
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) if ((await load())[method]) present.push(`${method} ${file}`);
    }
    expect(present.sort()).toEqual([...documented].sort());
  });
});

describe("every documented answer matches its schema, called for real", () => {
  const answers = new Map<string, { status: number; body: unknown }>();
  const record = async (method: string, path: string, response: Response) => {
    const text = await response.text();
    answers.set(`${method} ${path}`, { status: response.status, body: text ? JSON.parse(text) : undefined });
    return text ? JSON.parse(text) : undefined;
  };

  it("public routes", async () => {
    await actAs(null);
    await record("get", "/api/health", await call("get", "/api/health", {}));
    await record("get", "/api/providers", await call("get", "/api/providers", {}, { query: "?condition=chronic-migraine&near=10016" }));
    await record("get", "/api/providers/{slug}", await call("get", "/api/providers/{slug}", { slug: provider.slug }));
    await record("get", "/api/providers/{slug}/slots", await call("get", "/api/providers/{slug}/slots", { slug: provider.slug }, { query: `?from=${from()}&to=${to()}&type=${provider.typeIds[0]}` }));
  });

  it("a patient's bookings, reviews and diary", async () => {
    await actAs(patient);
    const created = await record("post", "/api/bookings", await call("post", "/api/bookings", {}, { body: booking(slots[0]!) }));
    const id = { id: created.id as string };
    await record("get", "/api/bookings", await call("get", "/api/bookings", {}));
    await record("get", "/api/bookings/{id}", await call("get", "/api/bookings/{id}", id));
    await record("get", "/api/bookings/{id}/slots", await call("get", "/api/bookings/{id}/slots", id, { query: `?from=${from()}&to=${to()}` }));
    await record("post", "/api/bookings/{id}/reschedule", await call("post", "/api/bookings/{id}/reschedule", id, { body: { start: slots[1]!.start } }));
    const db = await getDb();
    await db.update(bookings).set({ status: "confirmed" }).where(eq(bookings.id, id.id));
    const ics = await call("get", "/api/bookings/{id}/ics", id);
    const calendar = await ics.text();
    answers.set("get /api/bookings/{id}/ics", { status: ics.status, body: calendar });
    if (ics.ok) expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    await record("post", "/api/bookings/{id}/cancel", await call("post", "/api/bookings/{id}/cancel", id, { body: { reason: "Plans changed" } }));

    await visit(30);
    await record("post", "/api/providers/{slug}/reviews", await call("post", "/api/providers/{slug}/reviews", { slug: provider.slug }, { body: { rating: 4, text: "Helpful" } }));
    await db.update(reviews).set({ editedAt: new Date(Date.now() - 40 * DAY) }).where(eq(reviews.patientId, patient.id));
    await record("patch", "/api/providers/{slug}/reviews", await call("patch", "/api/providers/{slug}/reviews", { slug: provider.slug }, { body: { rating: 5 } }));

    const today = from();
    await record("post", "/api/diary", await call("post", "/api/diary", {}, { body: { date: today, headache: true, pain: 6, hours: 2, migraine: true, acuteMedicine: false, note: "Bright light" } }));
    await record("post", "/api/diary/scores", await call("post", "/api/diary/scores", {}, { body: { instrument: "MIDAS", date: today, total: 12 } }));
    await record("get", "/api/diary", await call("get", "/api/diary", {}));
    await record("delete", "/api/diary/{date}", await call("delete", "/api/diary/{date}", { date: today }));
    await record("get", "/api/account/export", await call("get", "/api/account/export", {}));
  });

  it("deleting an account", async () => {
    const email = `documented-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const created = await createAccount({ name: "Dee Documented", email, password: PASSWORD, role: "patient" }, { verified: true });
    if (!created.ok) throw new Error(created.message);
    await actAs({ id: created.userId });
    await record("delete", "/api/account", await call("delete", "/api/account", {}, { body: { password: PASSWORD } }));
  });

  it("each answer has the documented status and parses with the documented schema", () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const key = `${route.method} ${route.path}`;
      const answer = answers.get(key);
      if (!answer) wrong.push(`${key} was not called`);
      else if (answer.status !== route.status) wrong.push(`${key} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
      else if (route.response) {
        const parsed = route.response.safeParse(answer.body);
        if (!parsed.success) wrong.push(`${key}: ${JSON.stringify(parsed.error.issues.map((i) => ({ path: i.path, message: i.message })))}`);
      }
    }
    expect(wrong).toEqual([]);
    // The search found the provider, so a card's shape was checked, not only an empty list.
    expect((answers.get("get /api/providers")!.body as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});
