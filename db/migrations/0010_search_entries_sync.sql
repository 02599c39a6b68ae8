-- search_entries (db/schema.ts) is derived data: these triggers rebuild a provider's entries after
-- any statement that changes their listing, locations, licenses, conditions or insurance, whoever
-- runs it (the app, the seed, a test fixture, a hand-written fix). The trust rule's date stays out
-- of it: an entry holds the latest expiry of the license that makes its location listable, and
-- every query compares that with today's date (lib/licensing/trust.ts).
CREATE FUNCTION search_entries_refresh(provider_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  IF coalesce(cardinality(provider_ids), 0) = 0 THEN
    RETURN;
  END IF;
  -- Two transactions changing one provider rebuild its entries one after the other. Under READ
  -- COMMITTED (the app's level) each statement below then reads what the first one committed, so
  -- the last rebuild always sees every change. NO KEY keeps foreign-key checks from waiting.
  PERFORM 1 FROM providers WHERE id = ANY(provider_ids) ORDER BY id FOR NO KEY UPDATE;
  -- One provider at a time: on a table never analyzed, a list of ids looks like most of the
  -- table, and the planner would scan all of it for every seed batch.
  FOREACH changed IN ARRAY provider_ids LOOP
    DELETE FROM search_entries WHERE provider_id = changed;
  END LOOP;
  -- The trust rule (docs/architecture.md) without its date: published, not suspended, a verified NPI and a
  -- verified license for the location's state, the latest of whose expiry dates is kept.
  INSERT INTO search_entries (
    location_id, condition_id, provider_id, listable_until, latitude, longitude, cos_latitude, city, state,
    years_treating, years_experience, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name, slug
  )
  SELECT l.id, c.condition_id, p.id, trust.listable_until, l.latitude, l.longitude, cos(radians(l.latitude)), l.city, l.state,
    c.years_treating, p.years_experience, p.consult_fee_cents, p.self_pay, p.telehealth, p.languages,
    array(SELECT pi.carrier_id FROM provider_insurance pi WHERE pi.provider_id = p.id ORDER BY pi.carrier_id),
    p.name, p.slug
  -- Fenced (OFFSET 0) so the plan starts from the changed ids, one index lookup each, whatever the
  -- statistics say: on tables never analyzed (PGlite never analyzes on its own, and a bulk insert
  -- outruns autovacuum) a scan of every published provider looks cheaper.
  FROM (
    SELECT p.id, p.listing_status, p.suspended_at, p.years_experience, p.consult_fee_cents, p.self_pay, p.telehealth,
      p.languages, p.name, p.slug
    FROM unnest(provider_ids) AS changed (id) JOIN providers p ON p.id = changed.id
    OFFSET 0
  ) p
  JOIN locations l ON l.provider_id = p.id
  CROSS JOIN LATERAL (
    SELECT max(lic.expires_on) AS listable_until
    FROM licenses lic
    WHERE lic.provider_id = p.id AND lic.kind = 'state' AND lic.status = 'verified' AND lic.state = l.state
  ) trust
  CROSS JOIN LATERAL (
    -- The location's own entry (no condition), then one per condition the provider treats.
    SELECT NULL::smallint AS condition_id, NULL::smallint AS years_treating
    UNION ALL
    SELECT pc.condition_id, pc.years_treating FROM provider_conditions pc WHERE pc.provider_id = p.id
  ) c
  WHERE p.listing_status = 'published' AND p.suspended_at IS NULL
    AND EXISTS (SELECT 1 FROM licenses npi WHERE npi.provider_id = p.id AND npi.kind = 'npi' AND npi.status = 'verified')
    AND trust.listable_until IS NOT NULL;
END
$$;
--> statement-breakpoint
-- Statement-level, so a seed batch of a thousand providers is one rebuild, not a thousand.
-- TG_ARGV[0] names the column that holds the provider's id.
CREATE FUNCTION search_entries_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Both sides: a row may move from one provider to another.
    EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM old_rows UNION SELECT %1$I FROM new_rows) changed', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  END IF;
  PERFORM search_entries_refresh(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new provider has no locations yet, and a deleted provider or location takes its entries with
-- it (ON DELETE CASCADE; no other entry depends on them), so neither needs a delete trigger.
-- Transition tables allow one event per trigger.
CREATE TRIGGER providers_search_entries_update AFTER UPDATE ON providers
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('id');
--> statement-breakpoint
CREATE TRIGGER locations_search_entries_insert AFTER INSERT ON locations
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER locations_search_entries_update AFTER UPDATE ON locations
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER licenses_search_entries_insert AFTER INSERT ON licenses
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER licenses_search_entries_update AFTER UPDATE ON licenses
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER licenses_search_entries_delete AFTER DELETE ON licenses
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_conditions_search_entries_insert AFTER INSERT ON provider_conditions
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_conditions_search_entries_update AFTER UPDATE ON provider_conditions
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_conditions_search_entries_delete AFTER DELETE ON provider_conditions
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_insurance_search_entries_insert AFTER INSERT ON provider_insurance
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_insurance_search_entries_update AFTER UPDATE ON provider_insurance
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER provider_insurance_search_entries_delete AFTER DELETE ON provider_insurance
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
-- TRUNCATE fires no row or transition-table trigger. Emptying locations or providers takes
-- search_entries with it (TRUNCATE … CASCADE through the foreign keys); emptying one of these
-- three would leave entries that no longer match their sources, so it rebuilds them all.
CREATE FUNCTION search_entries_rebuild_all() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(array(SELECT id FROM providers));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER licenses_search_entries_truncate AFTER TRUNCATE ON licenses
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_rebuild_all();
--> statement-breakpoint
CREATE TRIGGER provider_conditions_search_entries_truncate AFTER TRUNCATE ON provider_conditions
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_rebuild_all();
--> statement-breakpoint
CREATE TRIGGER provider_insurance_search_entries_truncate AFTER TRUNCATE ON provider_insurance
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_rebuild_all();
--> statement-breakpoint
SELECT search_entries_refresh(array(SELECT id FROM providers));
--> statement-breakpoint
-- Search reads only these three indexes (index-only scans once vacuumed), each led by the
-- condition (null for a search without one). Near a place: the bounding box, with the filters and
-- sort keys carried along.
CREATE INDEX search_entries_near_idx ON search_entries USING btree (condition_id, latitude, longitude)
INCLUDE (listable_until, cos_latitude, provider_id, city, state, years_treating, years_experience, consult_fee_cents,
  self_pay, telehealth, languages, carrier_ids, name, slug);
--> statement-breakpoint
-- Without a place: already in the order of the results page (best match, or lowest fee), so a
-- search reads only as far as the page and the capped count need.
CREATE INDEX search_entries_match_order_idx ON search_entries USING btree
  (condition_id, years_treating DESC, years_experience DESC, slug, city, state)
INCLUDE (listable_until, provider_id, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name);
--> statement-breakpoint
CREATE INDEX search_entries_fee_order_idx ON search_entries USING btree
  (condition_id, consult_fee_cents, name, slug, city, state)
INCLUDE (listable_until, provider_id, years_treating, years_experience, self_pay, telehealth, languages, carrier_ids);
