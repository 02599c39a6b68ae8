DROP INDEX "next_openings_stale_at_idx";--> statement-breakpoint
ALTER TABLE "next_openings" ADD COLUMN "successor_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "next_openings" ADD COLUMN "successor_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "next_openings" ADD COLUMN "successor_location_id" uuid;--> statement-breakpoint
ALTER TABLE "next_openings" ADD COLUMN "successor_stale_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "next_openings_stale_at_idx" ON "next_openings" USING btree ("stale_at","provider_id");