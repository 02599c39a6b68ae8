import "server-only";
import { randomUUID } from "node:crypto";
import { currentRequestId } from "@/lib/log/request-id";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { DatabaseError } from "@/db/query-errors";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import type { Role } from "@/lib/auth/accounts";
import { ForbiddenError } from "@/lib/auth/authorize";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { log } from "@/lib/log/logger";
import { readBody, type BodyProblem } from "./read-body";

// The one boundary of every JSON route handler: the body's size is checked before it is read,
// its content type and JSON parsed, params and body validated by zod, the caller checked,
// expected errors mapped to 400/401/403/404/409/413/415, and anything unexpected answered as
// `500 {"error":{"message","requestId"}}` and logged as one line with the request id and the
// error's code. Nothing a caller sent — query, body, params — is ever logged.

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/** An expected refusal, returned (never thrown) by a handler. */
export function problem(
  status: ProblemStatus,
  message: string,
  extra: { code?: string; field?: string; fields?: Record<string, string>; earliest?: string } & Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  const { code, field, fields, earliest, ...rest } = extra;
  return Response.json(
    { error: { message, ...(code ? { code } : {}), ...(field ? { field } : {}), ...(fields ? { fields } : {}), ...(earliest ? { earliest } : {}) }, ...rest },
    { status, headers },
  );
}

type Access = { auth?: undefined } | { auth: readonly Role[] };
type Schemas<P, B> = {
  /** The route's pattern, for the log line: "/api/bookings/[id]". */
  route: string;
  /** Params that fail are a 404: a malformed id or slug names nothing. */
  params?: z.ZodType<P>;
  /** "text" hands the schema the raw body (a signed webhook must be verified byte for byte). */
  body?: { schema: z.ZodType<B>; maxBytes: number; as?: "json" | "text" };
  /** Cache-Control for a 2xx answer (default "private, no-store"); refusals get "no-store". */
  cacheControl?: string;
  /** Messages for the caller checks, in the route's own words. */
  signedOut?: string;
  wrongRole?: string;
};

type Context<P, B, U> = { request: NextRequest; params: P; body: B; user: U; requestId: string };
type Handler<P, B, U> = (context: Context<P, B, U>) => Promise<Response>;
type RouteArgs = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (request: Request, args?: RouteArgs) => Promise<Response>;
const NO_PARAMS: RouteArgs = { params: Promise.resolve({}) };

const PRIVATE = "private, no-store";

const BODY_PROBLEMS: Record<BodyProblem, [ProblemStatus, string]> = {
  too_large: [413, "That request is too large."],
  wrong_type: [415, "Send the request as JSON (Content-Type: application/json)."],
  not_json: [400, "Send the request as a JSON object."],
};

export function jsonRoute<P = Record<string, never>, B = undefined>(
  options: Schemas<P, B> & { auth: readonly Role[] },
  handler: Handler<P, B, CurrentUser>,
): RouteHandler;
export function jsonRoute<P = Record<string, never>, B = undefined>(
  options: Schemas<P, B> & { auth?: undefined },
  handler: Handler<P, B, CurrentUser | null>,
): RouteHandler;
export function jsonRoute<P, B>(options: Schemas<P, B> & Access, handler: Handler<P, B, CurrentUser>): RouteHandler {
  return async (incoming: Request, args: RouteArgs = NO_PARAMS): Promise<Response> => {
    // Next passes a NextRequest; tests and other callers may pass a plain Request.
    const request = incoming instanceof NextRequest ? incoming : new NextRequest(incoming);
    // The id of this request's log line (lib/log/request-log.ts), or our own outside Next.
    const requestId = currentRequestId() ?? randomUUID();
    let response: Response;
    try {
      response = await answer(options, handler, request, args, requestId);
    } catch (error) {
      response = unexpected(error, options.route, request.method, requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    // A refusal is never cached, even on a public route: it may be about this caller or this moment.
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", response.ok ? (options.cacheControl ?? PRIVATE) : "no-store");
    return response;
  };
}

// Typed for the signed-in case: a route without `auth` took `CurrentUser | null` (its overload).
async function answer<P, B>(options: Schemas<P, B> & Access, handler: Handler<P, B, CurrentUser>, request: NextRequest, args: RouteArgs, requestId: string): Promise<Response> {
  const rawParams = await args.params;
  let params = rawParams as unknown as P;
  if (options.params) {
    const parsed = options.params.safeParse(rawParams);
    if (!parsed.success) return problem(404, "There is nothing at this address.");
    params = parsed.data;
  }

  let user: CurrentUser | null = null;
  if (options.auth) {
    user = await getCurrentUser();
    if (!user) return problem(401, options.signedOut ?? "Sign in to continue.");
    if (!options.auth.includes(user.role)) return problem(403, options.wrongRole ?? "Your account cannot do this.");
    if (user.mustChangePassword) return problem(403, "Choose a new password on /account/password first: the one you signed in with was temporary.", { code: "password_change_required" });
  }

  let body = undefined as B;
  if (options.body) {
    const read = await readBody(request, options.body.maxBytes, options.body.as ?? "json");
    if (!read.ok) return problem(...BODY_PROBLEMS[read.problem]);
    const parsed = options.body.schema.safeParse(read.value);
    if (!parsed.success) return problem(400, "Check the highlighted fields.", { fields: fieldErrorsOf(parsed.error) });
    body = parsed.data;
  }

  return handler({ request, params, body, user: user as CurrentUser, requestId });
}

// SQLSTATE class 22 is a value the database could not take (a NUL byte, a date out of range):
// bad input that validation should have caught first, so a 400 and a warning to fix the schema.
const isBadValue = (error: unknown) => error instanceof DatabaseError && /^22/.test(error.code ?? "");

function unexpected(error: unknown, route: string, method: string, requestId: string): Response {
  if (error instanceof ForbiddenError) return problem(403, "Your account cannot do this.");
  if (isBadValue(error)) {
    log.warn("input_reached_database", { requestId, route, method }, error);
    return problem(400, "Some of what was sent cannot be used. Check it and try again.");
  }
  log.error("unexpected", error, { requestId, route, method });
  return Response.json({ error: { message: "Something went wrong on our side. Try again in a moment.", requestId } }, { status: 500 });
}
