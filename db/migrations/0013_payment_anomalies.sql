CREATE TABLE "payment_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stripe_event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"reason" text NOT NULL,
	"booking_id" uuid,
	"checkout_session_id" text,
	"amount_cents" bigint,
	"currency" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_anomalies_reason" CHECK ("payment_anomalies"."reason" in ('unknown_booking', 'session_mismatch', 'amount_mismatch', 'currency_mismatch', 'already_paid'))
);
--> statement-breakpoint
ALTER TABLE "payment_anomalies" ADD CONSTRAINT "payment_anomalies_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_anomalies_received_idx" ON "payment_anomalies" USING btree ("received_at");