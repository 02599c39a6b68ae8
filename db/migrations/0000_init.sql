CREATE TYPE "public"."appointment_kind" AS ENUM('initial_consultation', 'treatment', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."credential" AS ENUM('MD', 'DO', 'DDS', 'DMD', 'NP', 'PA');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'nonbinary', 'undisclosed');--> statement-breakpoint
CREATE TYPE "public"."license_kind" AS ENUM('npi', 'state', 'board');--> statement-breakpoint
CREATE TYPE "public"."license_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('patient', 'provider', 'admin');--> statement-breakpoint
CREATE TABLE "appointment_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" "appointment_kind" NOT NULL,
	"name" text NOT NULL,
	"minutes" smallint NOT NULL,
	"fee_cents" integer NOT NULL,
	"deposit_cents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_types_minutes" CHECK ("appointment_types"."minutes" between 5 and 480),
	CONSTRAINT "appointment_types_money" CHECK ("appointment_types"."fee_cents" >= 0 and "appointment_types"."deposit_cents" >= 0 and "appointment_types"."deposit_cents" <= "appointment_types"."fee_cents")
);
--> statement-breakpoint
CREATE TABLE "conditions" (
	"id" "smallserial" PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"how_it_works" text NOT NULL,
	"side_effects" text NOT NULL,
	"expectations" text NOT NULL,
	"insurance_note" text NOT NULL,
	"evaluation_note" text NOT NULL,
	"typical_units_low" smallint NOT NULL,
	"typical_units_high" smallint NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_carriers" (
	"id" "smallserial" PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" "license_kind" NOT NULL,
	"state" text,
	"number" text NOT NULL,
	"expires_on" date,
	"status" "license_status" DEFAULT 'pending' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"source_note" text,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_state_needs_state_and_expiry" CHECK ("licenses"."kind" <> 'state' or ("licenses"."state" is not null and "licenses"."expires_on" is not null)),
	CONSTRAINT "licenses_state_code" CHECK ("licenses"."state" is null or "licenses"."state" ~ '^[A-Z]{2}$'),
	CONSTRAINT "licenses_verified_has_when" CHECK ("licenses"."status" <> 'verified' or "licenses"."verified_at" is not null),
	CONSTRAINT "licenses_rejected_has_reason" CHECK ("licenses"."status" <> 'rejected' or "licenses"."rejection_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"zip" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_state_code" CHECK ("locations"."state" ~ '^[A-Z]{2}$'),
	CONSTRAINT "locations_zip_format" CHECK ("locations"."zip" ~ '^[0-9]{5}$'),
	CONSTRAINT "locations_coordinates" CHECK ("locations"."latitude" between -90 and 90 and "locations"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "provider_conditions" (
	"provider_id" uuid NOT NULL,
	"condition_id" smallint NOT NULL,
	"years_treating" smallint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "provider_conditions_provider_id_condition_id_pk" PRIMARY KEY("provider_id","condition_id")
);
--> statement-breakpoint
CREATE TABLE "provider_insurance" (
	"provider_id" uuid NOT NULL,
	"carrier_id" smallint NOT NULL,
	CONSTRAINT "provider_insurance_provider_id_carrier_id_pk" PRIMARY KEY("provider_id","carrier_id")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"credentials" "credential" NOT NULL,
	"specialty" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"photo_url" text,
	"years_experience" smallint DEFAULT 0 NOT NULL,
	"languages" text[] DEFAULT '{en}'::text[] NOT NULL,
	"gender" "gender" DEFAULT 'undisclosed' NOT NULL,
	"telehealth" boolean DEFAULT false NOT NULL,
	"self_pay" boolean DEFAULT true NOT NULL,
	"consult_fee_cents" integer NOT NULL,
	"price_per_unit_cents" integer,
	"deposit_cents" integer DEFAULT 0 NOT NULL,
	"cancellation_window_hours" smallint DEFAULT 24 NOT NULL,
	"cancellation_policy" text DEFAULT '' NOT NULL,
	"listing_status" "listing_status" DEFAULT 'draft' NOT NULL,
	"suspended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_fees_nonnegative" CHECK ("providers"."consult_fee_cents" >= 0 and "providers"."deposit_cents" >= 0 and coalesce("providers"."price_per_unit_cents", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'patient' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_conditions" ADD CONSTRAINT "provider_conditions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_conditions" ADD CONSTRAINT "provider_conditions_condition_id_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."conditions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_insurance" ADD CONSTRAINT "provider_insurance_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_insurance" ADD CONSTRAINT "provider_insurance_carrier_id_insurance_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."insurance_carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_types_provider_idx" ON "appointment_types" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conditions_slug_idx" ON "conditions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_carriers_slug_idx" ON "insurance_carriers" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "licenses_trust_idx" ON "licenses" USING btree ("provider_id","kind","status","state","expires_on");--> statement-breakpoint
CREATE INDEX "licenses_queue_idx" ON "licenses" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "locations_provider_idx" ON "locations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "locations_lat_lng_idx" ON "locations" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "provider_conditions_condition_idx" ON "provider_conditions" USING btree ("condition_id","provider_id");--> statement-breakpoint
CREATE INDEX "provider_insurance_carrier_idx" ON "provider_insurance" USING btree ("carrier_id","provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_slug_idx" ON "providers" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_user_idx" ON "providers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "providers_listed_fee_idx" ON "providers" USING btree ("consult_fee_cents") WHERE "providers"."listing_status" = 'published' and "providers"."suspended_at" is null;--> statement-breakpoint
CREATE INDEX "providers_languages_idx" ON "providers" USING gin ("languages");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));