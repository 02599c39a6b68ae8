import { describe, expect, it } from "vitest";
import { requestLogFields } from "./request-log";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

function span(attributes: Record<string, string | number | boolean>, duration: [number, number] = [0, 12_400_000]) {
  return { attributes, duration, spanContext: () => ({ traceId: TRACE, spanId: "00f067aa0ba902b7", traceFlags: 1 }) };
}

describe("requestLogFields", () => {
  it("takes the route pattern, status and duration of a rendered request, never its path or query", () => {
    const fields = requestLogFields(
      span({ "next.span_type": "BaseServer.handleRequest", "http.method": "GET", "http.target": "/providers/dr-ada?email=a@b.example", "http.status_code": 200, "next.route": "/providers/[slug]" }),
    );
    expect(fields).toEqual({ requestId: TRACE, route: "/providers/[slug]", method: "GET", status: 200, durationMs: 12 });
    expect(JSON.stringify(fields)).not.toContain("dr-ada");
  });

  it("skips the pass that only ran the proxy, whose status is not the response's", () => {
    expect(requestLogFields(span({ "next.span_type": "BaseServer.handleRequest", "http.method": "GET", "http.status_code": 200, "next.bubble": true }))).toBeNull();
  });

  it("skips Next's other spans and names a request that matched no route", () => {
    expect(requestLogFields(span({ "next.span_type": "AppRender.getBodyResult" }))).toBeNull();
    expect(requestLogFields(span({ "next.span_type": "BaseServer.handleRequest", "http.method": "POST", "http.status_code": 404 }, [1, 500_000]))).toMatchObject({ route: "unmatched", status: 404, durationMs: 1001 });
  });
});
