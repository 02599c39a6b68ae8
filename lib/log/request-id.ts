// The id a request's log line carries (./request-log.ts), for the lines written while it runs and
// for the X-Request-Id a JSON route answers with. Only the OpenTelemetry API: proxy.ts uses it too.
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { log } from "./logger";

/**
 * The id of the request being handled, as its log line names it; undefined outside a request (tests
 * that call a handler directly). Next reads no `traceparent` from the client (no propagator is
 * registered), so the id is always ours.
 */
export function currentRequestId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The line for a request proxy.ts answered itself (a redirect to sign in, a malformed path). */
export function logProxyAnswer(method: string, status: number, durationMs: number) {
  log.info("request", { requestId: currentRequestId(), route: "proxy", method, status, durationMs: Math.round(durationMs) });
}
