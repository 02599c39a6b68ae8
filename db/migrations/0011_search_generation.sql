CREATE TABLE "search_generation" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "search_generation_singleton" CHECK ("search_generation"."singleton")
);
--> statement-breakpoint
INSERT INTO "search_generation" DEFAULT VALUES;
--> statement-breakpoint
-- Bumped inside the writer's transaction, so the new number becomes visible exactly when its
-- change does: a reader that still sees the old number also still sees the old rows. The row lock
-- this takes is held until commit, which queues concurrent listing writes behind each other for
-- their last few milliseconds; a transaction that bumps it must not then wait on another
-- provider's rows (none does: every write here changes one provider).
CREATE FUNCTION search_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction: a seed batch or a listing save runs many statements, and the search
  -- only needs to know that something changed. A local setting ends with the transaction and is
  -- undone with a rolled-back savepoint, together with the update it stands for.
  IF current_setting('relief_finder.search_generation_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE search_generation SET n = n + 1;
  PERFORM set_config('relief_finder.search_generation_bumped', 'on', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every table a search statement reads (lib/search/queries.ts), not only search_entries: a card
-- shows the provider's photo and credentials and the slugs of their conditions and carriers.
-- Statement-level, so a seed batch is one bump.
CREATE TRIGGER search_entries_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_entries
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
--> statement-breakpoint
CREATE TRIGGER providers_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
--> statement-breakpoint
CREATE TRIGGER provider_conditions_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_conditions
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
--> statement-breakpoint
CREATE TRIGGER provider_insurance_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_insurance
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
--> statement-breakpoint
CREATE TRIGGER conditions_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON conditions
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
--> statement-breakpoint
CREATE TRIGGER insurance_carriers_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON insurance_carriers
FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump();
