CREATE TYPE "public"."review_report_reason" AS ENUM('health_details', 'personal_information', 'offensive', 'spam', 'not_genuine', 'other');--> statement-breakpoint
CREATE TABLE "review_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" "review_report_reason" NOT NULL,
	"note" text,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reports_note_length" CHECK (char_length("review_reports"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"text" text,
	"show_name" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" uuid,
	"moderated_at" timestamp with time zone,
	CONSTRAINT "reviews_provider_patient" UNIQUE("provider_id","patient_id"),
	CONSTRAINT "reviews_rating" CHECK ("reviews"."rating" between 1 and 5),
	CONSTRAINT "reviews_text_length" CHECK (char_length("reviews"."text") <= 1000),
	CONSTRAINT "reviews_reply_length" CHECK (char_length("reviews"."reply") <= 1000),
	CONSTRAINT "reviews_reply_has_when" CHECK (("reviews"."reply" is null) = ("reviews"."replied_at" is null)),
	CONSTRAINT "reviews_hidden_has_reason" CHECK ("reviews"."hidden_at" is null or "reviews"."hidden_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "gender" "gender" DEFAULT 'undisclosed' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "rating_average" real;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_reports_review_idx" ON "review_reports" USING btree ("review_id","created_at");--> statement-breakpoint
CREATE INDEX "review_reports_ip_idx" ON "review_reports" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "reviews_provider_created_idx" ON "reviews" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_provider_answered_idx" ON "bookings" USING btree ("provider_id","answered_at") WHERE "bookings"."answered_at" is not null;--> statement-breakpoint
-- Visible reviews per provider, written into their search entries: the whole rebuild below uses
-- it, and so does the trigger on reviews, which updates the two columns without rebuilding.
CREATE FUNCTION search_entries_ratings(provider_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(provider_ids), 0) = 0 THEN
    RETURN;
  END IF;
  UPDATE search_entries e
  SET rating_count = r.n, rating_average = r.average
  FROM (
    SELECT changed.id, count(rv.id)::int AS n, avg(rv.rating)::real AS average
    FROM unnest(provider_ids) AS changed (id)
    LEFT JOIN reviews rv ON rv.provider_id = changed.id AND rv.hidden_at IS NULL
    GROUP BY changed.id
  ) r
  WHERE e.provider_id = r.id
    AND (e.rating_count, e.rating_average) IS DISTINCT FROM (r.n, r.average);
END
$$;
--> statement-breakpoint
-- 0010's rebuild, now carrying the provider's gender (the search filter) and their visible
-- reviews' count and average (the cards' stars), so a search still reads nothing but the entry.
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
    c.years_treating, p.years_experience, p.consult_fee_cents, p.self_pay, p.telehealth, p.languages,
    array(SELECT pi.carrier_id FROM provider_insurance pi WHERE pi.provider_id = p.id ORDER BY pi.carrier_id),
    p.name, p.slug, p.gender, rating.n, rating.average
  FROM (
    SELECT p.id, p.listing_status, p.suspended_at, p.years_experience, p.consult_fee_cents, p.self_pay, p.telehealth,
      p.languages, p.name, p.slug, p.gender
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
    SELECT count(*)::int AS n, avg(rv.rating)::real AS average FROM reviews rv WHERE rv.provider_id = p.id AND rv.hidden_at IS NULL
  ) rating
  CROSS JOIN LATERAL (
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
-- Statement-level like 0010's triggers. Only a change to what counts (a new or removed review,
-- another rating, hidden or shown again) touches search_entries; a reply or a report does not,
-- so it leaves the search generation, and every cached search, alone.
CREATE FUNCTION reviews_search_entries_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT provider_id) INTO ids FROM new_rows WHERE hidden_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT provider_id) INTO ids FROM old_rows WHERE hidden_at IS NULL;
  ELSE
    SELECT array_agg(DISTINCT changed.id) INTO ids FROM (
      SELECT o.provider_id AS id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.rating IS DISTINCT FROM n.rating OR (o.hidden_at IS NULL) <> (n.hidden_at IS NULL) OR o.provider_id <> n.provider_id
      UNION
      SELECT n.provider_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.provider_id <> n.provider_id
    ) changed;
  END IF;
  PERFORM search_entries_ratings(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_search_entries_insert AFTER INSERT ON reviews
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION reviews_search_entries_sync();
--> statement-breakpoint
CREATE TRIGGER reviews_search_entries_update AFTER UPDATE ON reviews
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION reviews_search_entries_sync();
--> statement-breakpoint
CREATE TRIGGER reviews_search_entries_delete AFTER DELETE ON reviews
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION reviews_search_entries_sync();
--> statement-breakpoint
CREATE FUNCTION reviews_search_entries_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_entries SET rating_count = 0, rating_average = NULL WHERE rating_count <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_search_entries_truncate AFTER TRUNCATE ON reviews
FOR EACH STATEMENT EXECUTE FUNCTION reviews_search_entries_truncate();
--> statement-breakpoint
-- Bookings from before: a request reached the provider when it was made, or when its deposit was
-- paid; the provider's first answer is in the audit log.
UPDATE bookings b SET requested_at = coalesce(
  (SELECT min(a.created_at) FROM audit_events a WHERE a.subject_type = 'booking' AND a.subject_id = b.id::text AND a.action = 'booking.paid'),
  CASE WHEN b.deposit_cents = 0 THEN b.created_at END
), answered_at = (
  SELECT min(a.created_at) FROM audit_events a
  WHERE a.subject_type = 'booking' AND a.subject_id = b.id::text AND a.action IN ('booking.confirm', 'booking.decline', 'booking.propose')
);
--> statement-breakpoint
-- The covering indexes of 0010 again, carrying the new columns, so a search stays index-only.
DROP INDEX search_entries_near_idx;
--> statement-breakpoint
DROP INDEX search_entries_match_order_idx;
--> statement-breakpoint
DROP INDEX search_entries_fee_order_idx;
--> statement-breakpoint
SELECT search_entries_refresh(array(SELECT id FROM providers));
--> statement-breakpoint
CREATE INDEX search_entries_near_idx ON search_entries USING btree (condition_id, latitude, longitude)
INCLUDE (listable_until, cos_latitude, provider_id, city, state, years_treating, years_experience, consult_fee_cents,
  self_pay, telehealth, languages, carrier_ids, name, slug, gender, rating_count, rating_average);
--> statement-breakpoint
CREATE INDEX search_entries_match_order_idx ON search_entries USING btree
  (condition_id, years_treating DESC, years_experience DESC, slug, city, state)
INCLUDE (listable_until, provider_id, consult_fee_cents, self_pay, telehealth, languages, carrier_ids, name, gender, rating_count, rating_average);
--> statement-breakpoint
CREATE INDEX search_entries_fee_order_idx ON search_entries USING btree
  (condition_id, consult_fee_cents, name, slug, city, state)
INCLUDE (listable_until, provider_id, years_treating, years_experience, self_pay, telehealth, languages, carrier_ids, gender, rating_count, rating_average);
