// One JSON line per request (id, route pattern, method, status, duration), for pages, server
// actions and JSON routes alike. Next already times every request as an OpenTelemetry span and
// names its route pattern on it, so this registers a tracer that records only those spans and
// writes each through our logger when it ends, taking only allow-listed attributes: never
// `http.target`, which holds the path and query.
import { context, trace, type Attributes } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, SamplingDecision, type ReadableSpan, type Sampler, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { log } from "./logger";

const REQUEST_SPAN = "BaseServer.handleRequest";

// Next's other spans (rendering, fetches) are not recorded at all, which keeps the cost to one span
// per request; they still carry the request's trace id, which `currentRequestId` reads.
const requestsOnly: Sampler = {
  shouldSample: (_context, _traceId, _name, _kind, attributes: Attributes) => ({
    decision: attributes["next.span_type"] === REQUEST_SPAN ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
  }),
  toString: () => "RequestsOnly",
};

/** The log line's fields for a finished request span, or null for a span that is not one. */
export function requestLogFields(span: Pick<ReadableSpan, "attributes" | "duration" | "spanContext">) {
  const attributes = span.attributes;
  if (attributes["next.span_type"] !== REQUEST_SPAN) return null;
  // With a proxy, Next handles each request twice: a first pass runs proxy.ts and "bubbles" on to
  // the render pass, which logs the request with its real status. A request the proxy answers
  // itself is logged by proxy.ts (`logProxyAnswer` in ./request-id), as this pass's status is not the response's.
  if (attributes["next.bubble"] === true) return null;
  const status = attributes["http.status_code"];
  const method = attributes["http.method"];
  const route = attributes["next.route"];
  const [seconds, nanos] = span.duration;
  return {
    requestId: span.spanContext().traceId,
    route: typeof route === "string" ? route : "unmatched",
    method: typeof method === "string" ? method : undefined,
    status: typeof status === "number" ? status : undefined,
    durationMs: Math.round(seconds * 1000 + nanos / 1e6),
  };
}

const writeRequestLines: SpanProcessor = {
  onStart: () => {},
  onEnd: (span) => {
    const fields = requestLogFields(span);
    if (fields) log.info("request", fields);
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};

let started = false;

/** Called once per server instance from instrumentation.ts. No exporter: the log is the output. */
export function startRequestLog() {
  if (started) return;
  started = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ sampler: requestsOnly, spanProcessors: [writeRequestLines] }));
}
