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
