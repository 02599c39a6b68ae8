-- An NPI is 10 digits whose last is the Luhn check digit computed over '80840' + the first 9
-- (CMS, "Requirements for NPI check digit"). Holding it here keeps a malformed NPI out of the
-- trust rule even if some write path forgets lib/licensing's check.
CREATE FUNCTION npi_is_valid(npi text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT npi ~ '^[0-9]{10}$' AND (
    SELECT (10 - (sum(
      CASE WHEN (15 - i) % 2 = 1
        THEN (d * 2) / 10 + (d * 2) % 10
        ELSE d END
    ) % 10)) % 10
    FROM (
      SELECT i, substr('80840' || substr(npi, 1, 9), i, 1)::int AS d
      FROM generate_series(1, 14) AS i
    ) digits
  ) = substr(npi, 10, 1)::int
$$;
--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_npi_check_digit" CHECK ("kind" <> 'npi' OR npi_is_valid("number"));
