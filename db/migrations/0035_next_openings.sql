CREATE TABLE "next_openings" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone,
	"location_id" uuid,
	"stale_at" timestamp with time zone DEFAULT '-infinity' NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "next_available" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "next_openings" ADD CONSTRAINT "next_openings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "next_openings_stale_at_idx" ON "next_openings" USING btree ("stale_at");--> statement-breakpoint
CREATE INDEX "next_openings_computed_at_idx" ON "next_openings" USING btree ("computed_at");--> statement-breakpoint
-- Every provider starts stale: the app computes its first opening (lib/scheduling/next-openings.ts)
-- before a read shows it, and the seed and the cron compute them all in batches.
INSERT INTO next_openings (provider_id) SELECT id FROM providers;
--> statement-breakpoint
-- Marks providers' next openings stale in the writer's own transaction, so whatever path changed
-- a booking, time off, hours, a type, a location, a license or a listing, the next read recomputes.
CREATE FUNCTION next_openings_mark_stale(provider_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  -- Already stale rows too: the version tells a recomputation that read before this write not to store.
  UPDATE next_openings SET stale_at = '-infinity', version = version + 1 WHERE provider_id = ANY(provider_ids);
$$;
--> statement-breakpoint
-- Statement-level like search_entries_sync; TG_ARGV[0] names the column holding the provider's id.
CREATE FUNCTION next_openings_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM old_rows UNION SELECT %1$I FROM new_rows) changed', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  END IF;
  PERFORM next_openings_mark_stale(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION next_openings_mark_all_stale() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE next_openings SET stale_at = '-infinity', version = version + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION next_openings_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO next_openings (provider_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER providers_next_openings_insert AFTER INSERT ON providers
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_add();
--> statement-breakpoint
CREATE TRIGGER bookings_next_openings_insert AFTER INSERT ON bookings
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER bookings_next_openings_update AFTER UPDATE ON bookings
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER bookings_next_openings_delete AFTER DELETE ON bookings
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER bookings_next_openings_truncate AFTER TRUNCATE ON bookings
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_mark_all_stale();
--> statement-breakpoint
CREATE TRIGGER time_off_next_openings_insert AFTER INSERT ON time_off
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER time_off_next_openings_update AFTER UPDATE ON time_off
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER time_off_next_openings_delete AFTER DELETE ON time_off
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER time_off_next_openings_truncate AFTER TRUNCATE ON time_off
FOR EACH STATEMENT EXECUTE FUNCTION next_openings_mark_all_stale();
--> statement-breakpoint
-- 0032's rebuild, which every change to a provider, location, license, type or weekly hours runs:
-- it now also marks the provider's next opening stale (each of those can change it: the minimum
-- notice, the horizon, the consultation's length, the hours, which locations are bookable) and
-- copies the stored value onto the new entries.
CREATE OR REPLACE FUNCTION search_entries_refresh(provider_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  IF coalesce(cardinality(provider_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM providers WHERE id = ANY(provider_ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM next_openings_mark_stale(provider_ids);
  FOREACH changed IN ARRAY provider_ids LOOP
    DELETE FROM search_entries WHERE provider_id = changed;
  END LOOP;
  INSERT INTO search_entries (
    location_id, condition_id, provider_id, listable_until, latitude, longitude, cos_latitude, city, state,
    years_treating, years_experience, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name, slug,
    gender, rating_count, rating_average, next_available
  )
  SELECT l.id, c.condition_id, p.id, trust.listable_until, l.latitude, l.longitude, cos(radians(l.latitude)), l.city, l.state,
    c.years_treating, p.years_experience, consultation.fee_cents, p.self_pay, p.telehealth, p.languages,
    array(SELECT pi.carrier_id FROM provider_insurance pi WHERE pi.provider_id = p.id ORDER BY pi.carrier_id),
    p.name, p.slug, p.gender, rating.n, rating.average,
    (SELECT o.starts_at FROM next_openings o WHERE o.provider_id = p.id)
  FROM (
    SELECT p.id, p.listing_status, p.suspended_at, p.years_experience, p.self_pay, p.telehealth,
      p.languages, p.name, p.slug, p.gender
    FROM unnest(provider_ids) AS changed (id) JOIN providers p ON p.id = changed.id
    OFFSET 0
  ) p
  CROSS JOIN LATERAL provider_consultation(p.id) consultation
  JOIN locations l ON l.provider_id = p.id
  CROSS JOIN LATERAL (
    SELECT max(lic.expires_on) AS listable_until
    FROM licenses lic
    WHERE lic.provider_id = p.id AND lic.kind = 'state' AND lic.status = 'verified' AND lic.state = l.state
  ) trust
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, avg(rv.rating)::real AS average FROM reviews rv WHERE rv.provider_id = p.id AND rv.hidden_at IS NULL
  ) rating
  CROSS JOIN LATERAL (
    SELECT NULL::smallint AS condition_id, NULL::smallint AS years_treating
    UNION ALL
    SELECT pc.condition_id, pc.years_treating FROM provider_conditions pc WHERE pc.provider_id = p.id
  ) c
  WHERE p.listing_status = 'published' AND p.suspended_at IS NULL
    AND EXISTS (SELECT 1 FROM licenses npi WHERE npi.provider_id = p.id AND npi.kind = 'npi' AND npi.status = 'verified')
    AND EXISTS (SELECT 1 FROM weekly_hours wh WHERE wh.location_id = l.id)
    AND trust.listable_until IS NOT NULL;
END
$$;
--> statement-breakpoint
-- The covering indexes again with next_available (every card shows it), so a search stays
-- index-only, and one in soonest order for a search without a place: nulls (no opening) last.
DROP INDEX search_entries_near_idx;
--> statement-breakpoint
DROP INDEX search_entries_match_order_idx;
--> statement-breakpoint
DROP INDEX search_entries_fee_order_idx;
--> statement-breakpoint
CREATE INDEX search_entries_near_idx ON search_entries USING btree (condition_id, latitude, longitude)
INCLUDE (listable_until, cos_latitude, provider_id, city, state, years_treating, years_experience, consult_fee_cents,
  self_pay, telehealth, languages, carrier_ids, name, slug, gender, rating_count, rating_average, next_available);
--> statement-breakpoint
CREATE INDEX search_entries_match_order_idx ON search_entries USING btree
  (condition_id, years_treating DESC, years_experience DESC, slug, city, state)
INCLUDE (listable_until, provider_id, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name, gender, rating_count, rating_average, next_available);
--> statement-breakpoint
CREATE INDEX search_entries_fee_order_idx ON search_entries USING btree
  (condition_id, consult_fee_cents, name, slug, city, state)
INCLUDE (listable_until, provider_id, years_treating, years_experience, self_pay, telehealth, languages, carrier_ids, gender, rating_count, rating_average, next_available);
--> statement-breakpoint
CREATE INDEX search_entries_soonest_order_idx ON search_entries USING btree
  (condition_id, next_available NULLS LAST, name, slug, city, state)
INCLUDE (listable_until, provider_id, years_treating, years_experience, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, gender, rating_count, rating_average);
