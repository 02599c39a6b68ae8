ALTER TABLE "bookings" ADD COLUMN "week_reminder_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "bookings_week_reminder_idx" ON "bookings" USING btree ("starts_at") WHERE "bookings"."status" = 'confirmed' and "bookings"."week_reminder_sent_at" is null;--> statement-breakpoint
-- Bookings already inside their last week when this ships are not all reminded at once.
UPDATE "bookings" SET "week_reminder_sent_at" = now() WHERE "status" = 'confirmed' AND "starts_at" <= now() + interval '7 days';
