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
--> statement-breakpoint
-- Photos are stored only as lib/listing/photo-encoding.ts writes them: re-encoded WebP, with no
-- EXIF, GPS position or other metadata. The ones stored before are the uploaded files as they
-- came, metadata included. Re-encoding them needs libvips, which SQL does not have, and a step in
-- TypeScript would leave them served as they are until it ran; so they are removed, and their
-- listings show the provider's initials until the provider uploads a photo again.
UPDATE "providers" SET "photo_url" = NULL, "updated_at" = now()
  WHERE "photo_url" IN (SELECT '/api/photos/' || "id" FROM "provider_photos");--> statement-breakpoint
DELETE FROM "provider_photos";--> statement-breakpoint
ALTER TABLE "provider_photos" DROP CONSTRAINT "provider_photos_type";--> statement-breakpoint
ALTER TABLE "provider_photos" DROP CONSTRAINT "provider_photos_size";--> statement-breakpoint
ALTER TABLE "provider_photos" ADD CONSTRAINT "provider_photos_type" CHECK ("provider_photos"."content_type" = 'image/webp');--> statement-breakpoint
ALTER TABLE "provider_photos" ADD CONSTRAINT "provider_photos_size" CHECK (octet_length("provider_photos"."bytes") <= 524288);
