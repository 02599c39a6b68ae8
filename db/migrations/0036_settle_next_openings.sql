-- A write's own transaction now recomputes the next openings it marked stale, before it commits
-- (lib/scheduling/next-openings.ts settleNextOpenings). The mark also lists the providers in a
-- transaction-local setting for it to read: like relief_finder.search_generation_bumped (0011), a
-- rolled-back savepoint undoes the list together with the marks it stands for. Past a few hundred
-- providers (a seed batch, a carrier renamed for everyone) the list becomes '*': the transaction
-- leaves those rows stale, and the next read or the cron recomputes them (lib/search/queries.ts).
CREATE OR REPLACE FUNCTION next_openings_mark_stale(provider_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  marked text := coalesce(current_setting('relief_finder.stale_openings', true), '');
BEGIN
  -- Already stale rows too: the version tells a recomputation that read before this write not to store.
  UPDATE next_openings SET stale_at = '-infinity', version = version + 1 WHERE provider_id = ANY(provider_ids);
  IF marked = '*' OR coalesce(cardinality(provider_ids), 0) = 0 THEN
    RETURN;
  END IF;
  marked := concat_ws(',', nullif(marked, ''), array_to_string(provider_ids, ','));
  IF length(marked) > 20000 THEN
    marked := '*';
  END IF;
  PERFORM set_config('relief_finder.stale_openings', marked, true);
END
$$;
