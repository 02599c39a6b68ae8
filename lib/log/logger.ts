// The one logger: a JSON line per event, from an allow-list of fields. Nothing else is ever
// written: no URL or query string, no body, no email, no error message (a database error's
// message can quote the values it refused). Errors are logged by name, code and stack frames.

export type LogLevel = "info" | "warn" | "error";

export type LogFields = {
  requestId?: string;
  /** The route's pattern (`/api/bookings/[id]`), never the requested URL. */
  route?: string;
  method?: string;
  status?: number;
  durationMs?: number;
  /** A machine-readable code: an SQLSTATE, a Node error code, or one of ours. */
  code?: string;
  count?: number;
};

type ErrorLike = { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };

const FIELDS = ["requestId", "route", "method", "status", "durationMs", "code", "count"] as const;
const SAFE_TOKEN = /^[\w./[\]@:-]{1,120}$/;

/** A field's value if it is a short token or a finite number; anything else is dropped. */
function safeValue(value: unknown): string | number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return SAFE_TOKEN.test(value) ? value : undefined;
  return undefined;
}

/** The code of an error or of the first cause that has one (drizzle wraps the driver's error). */
export function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as ErrorLike).cause, depth++) {
    const code = safeValue((e as ErrorLike).code);
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Stack frames without the first line, which repeats the message. */
function frames(error: unknown): string[] | undefined {
  const stack = (error as ErrorLike | null)?.stack;
  if (typeof stack !== "string") return undefined;
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim().slice(0, 200));
}

export function logLine(level: LogLevel, event: string, fields: LogFields = {}, error?: unknown): string {
  const line: Record<string, unknown> = { time: new Date().toISOString(), level, event: safeValue(event) ?? "unnamed" };
  for (const key of FIELDS) {
    const value = safeValue(fields[key]);
    if (value !== undefined) line[key] = value;
  }
  if (error !== undefined) {
    const name = safeValue((error as ErrorLike | null)?.name);
    line.error = { name: typeof name === "string" ? name : "Error", code: errorCode(error), frames: frames(error) };
  }
  return JSON.stringify(line);
}

function write(level: LogLevel, event: string, fields?: LogFields, error?: unknown) {
  const text = logLine(level, event, fields, error);
  if (level === "info") console.log(text);
  else console.error(text);
}

export const log = {
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields, error?: unknown) => write("warn", event, fields, error),
  error: (event: string, error: unknown, fields?: LogFields) => write("error", event, fields, error),
};
