ALTER TYPE "public"."account_token_purpose" ADD VALUE 'email_verification';--> statement-breakpoint
ALTER TYPE "public"."account_token_purpose" ADD VALUE 'email_change';--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "new_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
-- Every account made before sign-up asked for a confirmed address keeps working as it did: it is
-- counted verified from when it was created.
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;
