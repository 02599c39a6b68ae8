import type { BookingAction, Party } from "@/lib/booking/state";

// What happens to a paid deposit when a booking changes, as the policy shown before paying says:
// the provider declining or cancelling refunds in full; the patient cancelling before the
// provider's window refunds in full; later, or a no-show, the deposit is kept; a completed visit
// keeps it as part of the fee.

export type DepositOutcome = "refund" | "keep" | "unchanged";

/** Changes that leave the deposit with the booking, whoever makes them and whenever. */
export function keepsDepositAsIs(action: BookingAction): boolean {
  return action === "confirm" || action === "propose" || action === "acceptProposal" || action === "reschedule";
}

/**
 * `authorizationDenied`: the insurer refused the prior authorization of this treatment, so a
 * patient who cancels is refunded in full whatever the window (lib/treatments/authorization.ts).
 */
export function depositOutcome(input: { action: BookingAction; by: Party; startsAt: Date; now: Date; cancellationWindowHours: number; authorizationDenied?: boolean }): DepositOutcome {
  if (keepsDepositAsIs(input.action)) return "unchanged";
  switch (input.action) {
    case "decline":
      return "refund";
    case "cancel":
      if (input.by === "provider" || input.authorizationDenied) return "refund";
      return input.now.getTime() <= input.startsAt.getTime() - input.cancellationWindowHours * 3_600_000 ? "refund" : "keep";
    case "noShow":
    case "complete":
      return "keep";
    default:
      return "unchanged";
  }
}
