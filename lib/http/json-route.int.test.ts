import { inspect } from "node:util";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { createUser } from "@/db/testing/fixtures";
import { ForbiddenError } from "@/lib/auth/authorize";
import { actAs } from "@/lib/auth/testing/acting-user";
import { safeString } from "@/lib/validation/text";
import { jsonRoute, problem } from "./json-route";
import { idParam } from "./params";

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

const CANARY = "canary-b71c@example.com";

/** Every console line written while `run` runs. */
async function logged(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "));
  const spies = [vi.spyOn(console, "log").mockImplementation(keep), vi.spyOn(console, "error").mockImplementation(keep), vi.spyOn(console, "warn").mockImplementation(keep)];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

// Opening (and migrating) the database is the hook's cost, under its longer limit, not a test's.
beforeAll(async () => {
  await getDb();
});

afterEach(async () => {
  await actAs(null);
});

const json = (url: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) => new NextRequest(url, { method: "POST", body, headers });

describe("jsonRoute", () => {
  const echo = jsonRoute({ route: "/api/echo", body: { schema: z.object({ name: safeString().max(20) }), maxBytes: 100 } }, async ({ body }) => Response.json({ hello: body.name }));

  it("parses a JSON body with its schema, and answers with a request id and a private cache header", async () => {
    const response = await echo(json("http://localhost/api/echo", JSON.stringify({ name: "Ann 🙂" })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: "Ann 🙂" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses too large, wrongly typed, broken and invalid bodies with the matching status", async () => {
    expect((await echo(json("http://localhost/api/echo", JSON.stringify({ name: "x".repeat(200) })))).status).toBe(413);
    expect((await echo(json("http://localhost/api/echo", "{}", { "content-type": "text/plain" }))).status).toBe(415);
    expect((await echo(json("http://localhost/api/echo", "{broken"))).status).toBe(400);
    const invalid = await echo(json("http://localhost/api/echo", JSON.stringify({ name: "a\u0000b" })));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: { message: "Check the highlighted fields.", fields: { name: expect.stringMatching(/control character/) } } });
    expect(invalid.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 for params that fail their schema, and checks the caller's role", async () => {
    const mine = jsonRoute({ route: "/api/mine/[id]", params: idParam, auth: ["patient"] }, async ({ user, params }) => Response.json({ user: user.id, id: params.id }));
    const get = (id: string) => mine(new NextRequest(`http://localhost/api/mine/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
    expect((await get("------------------------------------")).status).toBe(404);
    expect((await get("\u0000")).status).toBe(404);
    const id = "7c6f0a1e-3b7d-4c5e-9f00-000000000001";
    expect((await get(id)).status).toBe(401);
    await actAs(await createUser("provider"));
    expect((await get(id)).status).toBe(403);
    const patient = await createUser("patient");
    await actAs(patient);
    expect(await (await get(id)).json()).toEqual({ user: patient.id, id });
  });

  it("opens nothing to an account signed in with a one-time password until it chooses its own", async () => {
    const mine = jsonRoute({ route: "/api/mine", auth: ["admin"] }, async ({ user }) => Response.json({ user: user.id }));
    const admin = await createUser("admin");
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.id));
    await actAs(admin);
    const refused = await mine(new NextRequest("http://localhost/api/mine"));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("password_change_required");
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, admin.id));
    expect((await mine(new NextRequest("http://localhost/api/mine"))).status).toBe(200);
  });

  it("answers anything unexpected with 500, a message and the request id, and logs one line without what was sent", async () => {
    const broken = jsonRoute({ route: "/api/broken" }, async () => {
      const db = await getDb();
      await db.select().from(users).where(eq(users.id, CANARY));
      return problem(400, "unreachable");
    });
    let response!: Response;
    const lines = await logged(async () => {
      response = await broken(new NextRequest(`http://localhost/api/broken?email=${CANARY}`));
    });
    // The canary reached Postgres as a uuid: a 22P02 data error is bad input, so a 400 and a warning.
    expect(response.status).toBe(400);
    const crash = jsonRoute({ route: "/api/crash" }, async () => {
      throw Object.assign(new Error(`something with ${CANARY} in it`), { code: "ECONNRESET" });
    });
    lines.push(
      ...(await logged(async () => {
        response = await crash(new NextRequest(`http://localhost/api/crash?email=${CANARY}`));
      })),
    );
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { message: expect.any(String), requestId: response.headers.get("x-request-id") } });
    const output = lines.join("\n");
    expect(output).not.toContain(CANARY);
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed).toContainEqual(expect.objectContaining({ level: "warn", event: "input_reached_database", route: "/api/broken", error: expect.objectContaining({ code: "22P02" }) }));
    expect(parsed).toContainEqual(expect.objectContaining({ level: "error", event: "unexpected", requestId: body.error.requestId, error: expect.objectContaining({ code: "ECONNRESET" }) }));
    // The request's own line comes from Next's request span (lib/log/request-log.ts), not from here.
    expect(parsed.filter((l) => l.event === "request")).toEqual([]);
  });

  it("turns a data layer's refusal into 403", async () => {
    const refused = jsonRoute({ route: "/api/refused" }, async () => {
      throw new ForbiddenError("test");
    });
    expect((await refused(new NextRequest("http://localhost/api/refused"))).status).toBe(403);
  });
});
