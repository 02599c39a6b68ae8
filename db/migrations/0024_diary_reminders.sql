ALTER TABLE "users" ADD COLUMN "diary_reminders" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "diary_reminded_on" date;