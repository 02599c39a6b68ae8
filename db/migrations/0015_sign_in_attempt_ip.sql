ALTER TABLE "sign_in_attempts" ADD COLUMN "ip" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","attempted_at");