-- One price: the initial consultation type is the only source of a consultation's fee and deposit.
-- Before the listing's own columns go, a provider without such a type gets one made from them, so
-- nobody listed loses their price (this must run before the generated drops below). The deposit
-- is capped at the fee, as appointment_types' check requires.
INSERT INTO appointment_types (provider_id, kind, name, minutes, fee_cents, deposit_cents, telehealth_allowed)
SELECT p.id, 'initial_consultation', 'Initial consultation', 30, p.consult_fee_cents, least(p.deposit_cents, p.consult_fee_cents), p.telehealth
FROM providers p
WHERE NOT EXISTS (
  SELECT 1 FROM appointment_types a WHERE a.provider_id = p.id AND a.kind = 'initial_consultation' AND a.archived_at IS NULL
);
--> statement-breakpoint
ALTER TABLE "providers" DROP CONSTRAINT "providers_fees_nonnegative";--> statement-breakpoint
DROP INDEX "providers_listed_fee_idx";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "consult_fee_cents";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "deposit_cents";--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_fees_nonnegative" CHECK (coalesce("providers"."price_per_unit_cents", 0) >= 0);
--> statement-breakpoint
-- The consultation a listing shows and search filters and sorts by: the provider's cheapest
-- unarchived initial consultation type. One definition, read by the rebuild below and by every
-- query outside search (lib/scheduling/consultation.ts), so no page can show another price.
CREATE FUNCTION provider_consultation(provider uuid) RETURNS TABLE (fee_cents integer, deposit_cents integer)
LANGUAGE sql STABLE AS $$
  SELECT a.fee_cents, a.deposit_cents FROM appointment_types a
  WHERE a.provider_id = provider AND a.kind = 'initial_consultation' AND a.archived_at IS NULL
  ORDER BY a.fee_cents, a.deposit_cents, a.id
  LIMIT 1
$$;
--> statement-breakpoint
-- 0022's rebuild, with the fee from the initial consultation type, and listed means bookable: a
-- location has an entry only while its provider has an initial consultation type and the location
-- has weekly hours, so nobody appears in search with no way to book.
CREATE OR REPLACE FUNCTION search_entries_refresh(provider_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  IF coalesce(cardinality(provider_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM providers WHERE id = ANY(provider_ids) ORDER BY id FOR NO KEY UPDATE;
  FOREACH changed IN ARRAY provider_ids LOOP
    DELETE FROM search_entries WHERE provider_id = changed;
  END LOOP;
  INSERT INTO search_entries (
    location_id, condition_id, provider_id, listable_until, latitude, longitude, cos_latitude, city, state,
    years_treating, years_experience, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name, slug,
    gender, rating_count, rating_average
  )
  SELECT l.id, c.condition_id, p.id, trust.listable_until, l.latitude, l.longitude, cos(radians(l.latitude)), l.city, l.state,
    c.years_treating, p.years_experience, consultation.fee_cents, p.self_pay, p.telehealth, p.languages,
    array(SELECT pi.carrier_id FROM provider_insurance pi WHERE pi.provider_id = p.id ORDER BY pi.carrier_id),
    p.name, p.slug, p.gender, rating.n, rating.average
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
-- Weekly hours name their location, not the provider: this maps them on, like search_entries_sync.
-- A location deleted with its hours takes its entries with it (ON DELETE CASCADE), so the rows it
-- can no longer find need no rebuild.
CREATE FUNCTION weekly_hours_search_entries_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT l.provider_id) INTO ids FROM new_rows h JOIN locations l ON l.id = h.location_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT l.provider_id) INTO ids
    FROM (SELECT location_id FROM old_rows UNION SELECT location_id FROM new_rows) h JOIN locations l ON l.id = h.location_id;
  ELSE
    SELECT array_agg(DISTINCT l.provider_id) INTO ids FROM old_rows h JOIN locations l ON l.id = h.location_id;
  END IF;
  PERFORM search_entries_refresh(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointment_types_search_entries_insert AFTER INSERT ON appointment_types
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER appointment_types_search_entries_update AFTER UPDATE ON appointment_types
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER appointment_types_search_entries_delete AFTER DELETE ON appointment_types
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync('provider_id');
--> statement-breakpoint
CREATE TRIGGER weekly_hours_search_entries_insert AFTER INSERT ON weekly_hours
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION weekly_hours_search_entries_sync();
--> statement-breakpoint
CREATE TRIGGER weekly_hours_search_entries_update AFTER UPDATE ON weekly_hours
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION weekly_hours_search_entries_sync();
--> statement-breakpoint
CREATE TRIGGER weekly_hours_search_entries_delete AFTER DELETE ON weekly_hours
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION weekly_hours_search_entries_sync();
--> statement-breakpoint
CREATE TRIGGER appointment_types_search_entries_truncate AFTER TRUNCATE ON appointment_types
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_rebuild_all();
--> statement-breakpoint
CREATE TRIGGER weekly_hours_search_entries_truncate AFTER TRUNCATE ON weekly_hours
FOR EACH STATEMENT EXECUTE FUNCTION search_entries_rebuild_all();
--> statement-breakpoint
SELECT search_entries_refresh(array(SELECT id FROM providers));
