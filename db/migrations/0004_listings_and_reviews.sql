CREATE TABLE "provider_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_photos_type" CHECK ("provider_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "provider_photos_size" CHECK (octet_length("provider_photos"."bytes") <= 2097152)
);
--> statement-breakpoint
DROP INDEX "licenses_queue_idx";--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "issuer" text;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "submitted_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "provider_photos" ADD CONSTRAINT "provider_photos_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_photos_provider_idx" ON "provider_photos" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_npi_number_idx" ON "licenses" USING btree ("number") WHERE "licenses"."kind" = 'npi' and "licenses"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_one_npi_idx" ON "licenses" USING btree ("provider_id") WHERE "licenses"."kind" = 'npi' and "licenses"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "licenses_queue_idx" ON "licenses" USING btree ("status","submitted_at");--> statement-breakpoint
-- Licenses that existed before this column were submitted when they were created.
UPDATE "licenses" SET "submitted_at" = "created_at";
