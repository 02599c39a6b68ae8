CREATE TABLE "search_entries" (
	"location_id" uuid NOT NULL,
	"condition_id" smallint,
	"provider_id" uuid NOT NULL,
	"listable_until" date NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"cos_latitude" double precision NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"years_treating" smallint,
	"years_experience" smallint NOT NULL,
	"consult_fee_cents" integer NOT NULL,
	"self_pay" boolean NOT NULL,
	"telehealth" boolean NOT NULL,
	"languages" text[] NOT NULL,
	"carrier_ids" smallint[] NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	CONSTRAINT "search_entries_location_condition_key" UNIQUE NULLS NOT DISTINCT("location_id","condition_id")
);
--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_condition_id_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."conditions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_provider_idx" ON "search_entries" USING btree ("provider_id");