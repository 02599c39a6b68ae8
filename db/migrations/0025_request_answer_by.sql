ALTER TABLE "bookings" ADD COLUMN "answer_by" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "bookings_answer_by_idx" ON "bookings" USING btree ("answer_by") WHERE "bookings"."status" = 'requested';--> statement-breakpoint
-- Open requests get the deadline new ones get (lib/booking/answer-by.ts): 72 hours after they last
-- reached the provider or 24 hours before the visit, whichever comes first; one made less than a
-- day ahead can be answered until it starts.
UPDATE "bookings" SET "answer_by" = CASE
    WHEN least(coalesce("requested_at", "created_at") + interval '72 hours', "starts_at" - interval '24 hours') > coalesce("requested_at", "created_at")
      THEN least(coalesce("requested_at", "created_at") + interval '72 hours', "starts_at" - interval '24 hours')
    ELSE "starts_at"
  END
  WHERE "status" = 'requested';
