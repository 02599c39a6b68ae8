CREATE TYPE "public"."authorization_status" AS ENUM('submitted', 'approved', 'denied');--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "authorization_status" "authorization_status";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "authorization_submitted_on" date;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "authorization_decided_on" date;