ALTER TABLE "appointment_types" ADD COLUMN "confirms_automatically" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "instant" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A search card says "Instant booking" from the provider's appointment types (lib/search/queries.ts),
-- so a change to them is a change a remembered search must see.
CREATE TRIGGER appointment_types_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment_types
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
