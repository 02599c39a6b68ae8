ALTER TABLE "bookings" ADD COLUMN "patient_state" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "video_visit_url" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_patient_state" CHECK ("bookings"."patient_state" is null or ("bookings"."telehealth" and "bookings"."patient_state" ~ '^[A-Z]{2}$'));--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_video_visit_url" CHECK ("providers"."video_visit_url" is null or ("providers"."video_visit_url" ~ '^https://' and length("providers"."video_visit_url") <= 500));--> statement-breakpoint
-- Video visits booked before this were licensed against the clinic's state: record that as where the patient is.
UPDATE "bookings" b SET "patient_state" = l."state" FROM "locations" l WHERE b."telehealth" AND b."location_id" = l."id";
