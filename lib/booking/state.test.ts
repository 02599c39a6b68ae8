import { describe, expect, it } from "vitest";
import { canMoveOnline, nextStatus } from "./state";

const now = new Date("2026-12-01T12:00:00Z");
const future = (status: Parameters<typeof nextStatus>[0]["status"]) => ({ status, startsAt: new Date("2026-12-05T15:00:00Z") });
const past = (status: Parameters<typeof nextStatus>[0]["status"]) => ({ status, startsAt: new Date("2026-11-30T15:00:00Z") });

describe("booking lifecycle", () => {
  it("lets the provider confirm, decline or propose a request, and only the provider", () => {
    expect(nextStatus(future("requested"), "confirm", "provider", now)).toBe("confirmed");
    expect(nextStatus(future("requested"), "decline", "provider", now)).toBe("declined");
    expect(nextStatus(future("requested"), "propose", "provider", now)).toBe("requested");
    expect(nextStatus(future("requested"), "confirm", "patient", now)).toBeNull();
    expect(nextStatus(future("pending_payment"), "confirm", "provider", now)).toBeNull();
  });

  it("lets either side cancel what has not happened, never what is over", () => {
    expect(nextStatus(future("confirmed"), "cancel", "patient", now)).toBe("cancelled");
    expect(nextStatus(future("requested"), "cancel", "provider", now)).toBe("cancelled");
    expect(nextStatus(past("confirmed"), "cancel", "patient", now)).toBeNull();
    expect(nextStatus(future("declined"), "cancel", "patient", now)).toBeNull();
  });

  it("sends a rescheduled booking back to the provider for confirmation", () => {
    expect(nextStatus(future("confirmed"), "reschedule", "patient", now)).toBe("requested");
    expect(nextStatus(future("confirmed"), "reschedule", "provider", now)).toBeNull();
  });

  it("keeps an instant booking confirmed when the patient moves it, and still refuses what is over", () => {
    expect(nextStatus({ ...future("confirmed"), instant: true }, "reschedule", "patient", now)).toBe("confirmed");
    expect(nextStatus({ ...future("requested"), instant: true }, "reschedule", "patient", now)).toBe("confirmed");
    expect(nextStatus({ ...past("confirmed"), instant: true }, "reschedule", "patient", now)).toBeNull();
    expect(nextStatus({ ...future("cancelled"), instant: true }, "reschedule", "patient", now)).toBeNull();
  });

  it("marks completed or missed only once the appointment has started", () => {
    expect(nextStatus(future("confirmed"), "complete", "provider", now)).toBeNull();
    expect(nextStatus(past("confirmed"), "complete", "provider", now)).toBe("completed");
    expect(nextStatus(past("confirmed"), "noShow", "provider", now)).toBe("no_show");
    expect(nextStatus(past("requested"), "noShow", "provider", now)).toBeNull();
  });
});

describe("moving a visit online", () => {
  const startsAt = new Date("2026-12-10T15:00:00Z");
  it("is open until the free-cancellation window starts, and closed inside it", () => {
    expect(canMoveOnline({ startsAt, cancellationWindowHours: 24 }, new Date("2026-12-09T14:59:59Z"))).toBe(true);
    expect(canMoveOnline({ startsAt, cancellationWindowHours: 24 }, new Date("2026-12-09T15:00:00Z"))).toBe(false);
    expect(canMoveOnline({ startsAt, cancellationWindowHours: 0 }, new Date("2026-12-10T14:59:00Z"))).toBe(true);
  });
});
