import { describe, expect, it } from "vitest";
import { depositOutcome } from "./refund-policy";

const startsAt = new Date("2026-12-03T15:00:00Z");
const hoursBefore = (h: number) => new Date(startsAt.getTime() - h * 3_600_000);
const outcome = (action: Parameters<typeof depositOutcome>[0]["action"], by: "patient" | "provider", now: Date) =>
  depositOutcome({ action, by, startsAt, now, cancellationWindowHours: 24 });

describe("deposit refund policy", () => {
  it("refunds in full when the provider declines or cancels, whenever it happens", () => {
    expect(outcome("decline", "provider", hoursBefore(1))).toBe("refund");
    expect(outcome("cancel", "provider", hoursBefore(0.5))).toBe("refund");
  });

  it("refunds a patient who cancels before the window, and keeps it after", () => {
    expect(outcome("cancel", "patient", hoursBefore(25))).toBe("refund");
    expect(outcome("cancel", "patient", hoursBefore(24))).toBe("refund");
    expect(outcome("cancel", "patient", hoursBefore(23.9))).toBe("keep");
  });

  it("keeps it for a no-show or a completed visit, and moves it with a rescheduled one", () => {
    expect(outcome("noShow", "provider", startsAt)).toBe("keep");
    expect(outcome("complete", "provider", startsAt)).toBe("keep");
    expect(outcome("reschedule", "patient", hoursBefore(2))).toBe("unchanged");
    expect(outcome("confirm", "provider", hoursBefore(48))).toBe("unchanged");
  });
});
