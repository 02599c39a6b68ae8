import { describe, expect, it } from "vitest";
import { answerDeadline } from "./answer-by";
import { currentStatus } from "./state";

const reached = new Date("2026-12-01T12:00:00Z");
const hours = (h: number) => new Date(reached.getTime() + h * 3_600_000);

describe("a request's answer-by time", () => {
  it("is 72 hours after it reached the provider for a visit far off", () => {
    expect(answerDeadline(hours(24 * 10), reached)).toEqual(hours(72));
  });

  it("is a day before the visit when that comes first", () => {
    expect(answerDeadline(hours(50), reached)).toEqual(hours(26));
  });

  it("is the visit's start for a request made less than a day ahead", () => {
    expect(answerDeadline(hours(20), reached)).toEqual(hours(20));
    expect(answerDeadline(hours(24), reached)).toEqual(hours(24));
  });

  it("makes a request read as expired from that instant, and nothing else", () => {
    const request = { status: "requested" as const, holdExpiresAt: null, answerBy: hours(72) };
    expect(currentStatus(request, hours(71.99))).toBe("requested");
    expect(currentStatus(request, hours(72))).toBe("expired");
    expect(currentStatus({ ...request, status: "confirmed" }, hours(100))).toBe("confirmed");
    expect(currentStatus({ status: "pending_payment", holdExpiresAt: hours(0.5), answerBy: null }, hours(0.5))).toBe("expired");
  });
});
