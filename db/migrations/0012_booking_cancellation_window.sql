-- Bookings made before this migration keep the window their provider has now: the closest record
-- there is of the terms they were booked under.
ALTER TABLE "bookings" ADD COLUMN "cancellation_window_hours" smallint;
--> statement-breakpoint
UPDATE "bookings" b SET "cancellation_window_hours" = p."cancellation_window_hours" FROM "providers" p WHERE p."id" = b."provider_id";
--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "cancellation_window_hours" SET NOT NULL;
