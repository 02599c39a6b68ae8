import "server-only";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

// Drizzle wraps a failed statement in an error whose message is "Failed query: … params: …", and
// the driver's error it carries holds `detail` ("Key (email)=(…) already exists"), the statement
// and its parameters. Whoever logs such an error — Next for a page, or a stray console.error —
// would print a patient's email or a password hash. So every failed statement is rethrown as a
// DatabaseError that keeps only what code needs to decide (SQLSTATE and constraint) and names
// nothing the caller sent. The driver's message is kept only outside SQLSTATE classes 22 (data
// exceptions: "invalid input syntax for type uuid: \"<value>\"") and 23 (constraint violations),
// the two that quote values; a syntax error or a lost connection is still explained.

const KEPT = ["code", "constraint", "table", "column"] as const;
type Kept = Partial<Record<(typeof KEPT)[number], string>>;

export class DatabaseError extends Error {
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;

  constructor(fields: Kept, driverMessage?: string) {
    const said = driverMessage && fields.code && !/^2[23]/.test(fields.code) ? `: ${driverMessage.slice(0, 300)}` : "";
    super(`The database refused a statement (SQLSTATE ${fields.code ?? "unknown"}${fields.constraint ? `, constraint ${fields.constraint}` : ""})${said}`);
    this.name = "DatabaseError";
    Object.assign(this, fields);
  }
}

/** The driver's error: the first in the cause chain that carries an SQLSTATE. */
function driverError(error: unknown): Record<string, unknown> | null {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof (e as { code?: unknown }).code === "string") return e as Record<string, unknown>;
  }
  return null;
}

export function toDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const source = driverError(error);
  const kept: Kept = {};
  for (const key of KEPT) if (typeof source?.[key] === "string") kept[key] = source[key] as string;
  return new DatabaseError(kept, typeof source?.message === "string" ? source.message : undefined);
}

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; __reliefSanitized?: true };

// One patch per process, shared by all three drivers (each one's prepared query extends this class).
if (!prototype.__reliefSanitized) {
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      throw toDatabaseError(error);
    }
  };
  prototype.__reliefSanitized = true;
}
