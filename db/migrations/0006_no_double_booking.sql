-- Two active bookings of one provider never overlap, whatever the application does or how many
-- requests race: the database refuses the second. A booking blocks [starts_at, blocked_until),
-- so back-to-back bookings touch without overlapping. Ended bookings (declined, cancelled,
-- expired, completed, no-show) no longer hold their time.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, tstzrange("starts_at", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('pending_payment', 'requested', 'confirmed'));
--> statement-breakpoint
-- One location's weekly ranges on a weekday never overlap, so slots are never offered twice.
ALTER TABLE "weekly_hours" ADD CONSTRAINT "weekly_hours_no_overlap"
  EXCLUDE USING gist ("location_id" WITH =, "weekday" WITH =, int4range("start_minute", "end_minute") WITH &&);
