import "server-only";
import { openJson, sealJson, SealedDataError } from "@/lib/crypto/sealed-json";
import { log } from "@/lib/log/logger";

// What the two sides of a booking write to each other: the provider's reason for declining, either
// side's reason for cancelling, the provider's note with a proposed time. Free text about a
// patient's care says as much as the intake, so it is sealed like the intake. Each note is sealed
// under its booking and its field, so a ciphertext moved to another booking or another field (a
// patient's cancellation reason passed off as the provider's own decline reason, which the provider
// reads unaudited) fails to open.

export type NoteField = "declineReason" | "cancelReason" | "proposalNote";

export type BookingNotes = { declineReason: string | null; cancelReason: string | null; proposalNote: string | null };

export type SealedNotes = { declineReasonCiphertext: string | null; cancelReasonCiphertext: string | null; proposalNoteCiphertext: string | null };

const associatedData = (bookingId: string, field: NoteField) => `${bookingId}/${field}`;

/** The column value for a note: sealed, or null when nothing was written. */
export function sealNote(bookingId: string, field: NoteField, text: string): string | null {
  return text === "" ? null : sealJson(text, associatedData(bookingId, field));
}

/** A sealed note opened; null when there is none, or when it cannot be opened (another key, or altered). */
export function openNote(bookingId: string, field: NoteField, sealed: string | null): string | null {
  if (sealed === null) return null;
  try {
    const text = openJson(sealed, associatedData(bookingId, field));
    return typeof text === "string" ? text : null;
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    // The booking still shows; only the note is missing, as it is when none was written.
    log.warn("booking_note_unreadable", { code: field });
    return null;
  }
}

/** Every note of one booking, opened. Callers that are not a note's author audit the read first. */
export function openNotes(bookingId: string, sealed: SealedNotes): BookingNotes {
  return {
    declineReason: openNote(bookingId, "declineReason", sealed.declineReasonCiphertext),
    cancelReason: openNote(bookingId, "cancelReason", sealed.cancelReasonCiphertext),
    proposalNote: openNote(bookingId, "proposalNote", sealed.proposalNoteCiphertext),
  };
}

/**
 * The notes of a booking its provider did not write: a cancellation reason is the patient's when
 * the patient cancelled. The provider wrote every other note.
 */
export function patientWrittenNotes(sealed: SealedNotes & { cancelledBy: "patient" | "provider" | null }): NoteField[] {
  return sealed.cancelledBy === "patient" && sealed.cancelReasonCiphertext !== null ? ["cancelReason"] : [];
}
