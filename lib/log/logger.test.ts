import { describe, expect, it } from "vitest";
import { errorCode, logLine } from "./logger";

describe("logLine", () => {
  it("writes one JSON line with only the allowed fields", () => {
    const line = logLine("info", "request", { requestId: "abc-123", route: "/api/bookings/[id]", status: 201, durationMs: 12, ...({ email: "ann@example.com" } as object) });
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ level: "info", event: "request", requestId: "abc-123", route: "/api/bookings/[id]", status: 201, durationMs: 12 });
    expect(line).not.toContain("ann@example.com");
  });

  it("drops a field value that is not a short token, so no sentence or address gets through", () => {
    const line = logLine("warn", "x", { route: "/providers?near=ann@example.com&q=a b", code: "has spaces in it" });
    expect(JSON.parse(line)).not.toHaveProperty("route");
    expect(JSON.parse(line)).not.toHaveProperty("code");
  });

  it("logs an error by name, code and frames, never its message", () => {
    const cause = Object.assign(new Error('duplicate key: Key (email)=(ann@example.com)'), { code: "23505" });
    const error = Object.assign(new Error("Failed query: insert ... params: ann@example.com,$argon2id$v=19$secret"), { cause });
    const line = logLine("error", "unexpected", { requestId: "r1" }, error);
    expect(line).not.toMatch(/ann@example\.com|argon2|Failed query/);
    const parsed = JSON.parse(line);
    expect(parsed.error).toMatchObject({ name: "Error", code: "23505" });
    expect(parsed.error.frames.length).toBeGreaterThan(0);
  });

  it("finds the code on the first cause that has one", () => {
    expect(errorCode({ cause: { cause: { code: "22021" } } })).toBe("22021");
    expect(errorCode(new Error("no code"))).toBeUndefined();
  });
});
