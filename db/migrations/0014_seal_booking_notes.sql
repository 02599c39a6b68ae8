-- Decline reasons, cancellation reasons and proposal notes are sealed from now on, like the
-- intake: the app writes them AES-256-GCM-sealed into the *_ciphertext columns (lib/booking/notes.ts).
--
-- The text already stored in the plaintext columns is discarded, not carried over. SQL cannot seal
-- it: the key lives only in the app's environment and never enters the database, which is the
-- point of sealing. Sealing it from TypeScript at open instead would need the key wherever
-- migrations run (a deploy step, as a different role) and would leave the text in clear between
-- the migration and that step, or for good if the step never ran. Discarding is the one upgrade
-- that leaves no plaintext reason behind in any case; what a booking keeps is its status, who
-- cancelled it and the proposed time, and the other side was emailed when each was written.
ALTER TABLE "bookings" ADD COLUMN "decline_reason_ciphertext" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cancel_reason_ciphertext" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "proposal_note_ciphertext" text;--> statement-breakpoint
-- Overwritten before the columns go: DROP COLUMN only hides a column, leaving its values in every
-- stored row until that row is next rewritten. Row versions this replaces are reclaimed by vacuum.
UPDATE "bookings" SET "decline_reason" = NULL, "cancel_reason" = NULL, "proposal_note" = NULL
  WHERE "decline_reason" IS NOT NULL OR "cancel_reason" IS NOT NULL OR "proposal_note" IS NOT NULL;--> statement-breakpoint
-- Decline emails quoted the reason ("Their note: …" before the closing link); the quote goes too,
-- from sent and queued ones alike.
UPDATE "email_outbox" SET "body_text" = regexp_replace("body_text", '\n\nTheir note: .*(\n\nYour bookings: )', '\1')
  WHERE "kind" = 'declined' AND "body_text" LIKE '%Their note: %';--> statement-breakpoint
ALTER TABLE "bookings" DROP COLUMN "decline_reason";--> statement-breakpoint
ALTER TABLE "bookings" DROP COLUMN "cancel_reason";--> statement-breakpoint
ALTER TABLE "bookings" DROP COLUMN "proposal_note";
