CREATE TYPE "public"."score_instrument" AS ENUM('MIDAS', 'HIT-6');--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"day" date NOT NULL,
	"headache" boolean NOT NULL,
	"migraine" boolean NOT NULL,
	"pain" smallint NOT NULL,
	"hours" real NOT NULL,
	"acute_medicine" boolean NOT NULL,
	"medicines" text[] DEFAULT '{}'::text[] NOT NULL,
	"note_ciphertext" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_entries_patient_day" UNIQUE("patient_id","day"),
	CONSTRAINT "diary_entries_pain" CHECK ("diary_entries"."pain" between 0 and 10),
	CONSTRAINT "diary_entries_hours" CHECK ("diary_entries"."hours" between 0 and 24),
	CONSTRAINT "diary_entries_migraine_is_headache" CHECK (not "diary_entries"."migraine" or "diary_entries"."headache"),
	CONSTRAINT "diary_entries_no_pain_without_headache" CHECK ("diary_entries"."headache" or ("diary_entries"."pain" = 0 and "diary_entries"."hours" = 0))
);
--> statement-breakpoint
CREATE TABLE "diary_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"instrument" "score_instrument" NOT NULL,
	"day" date NOT NULL,
	"total" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_scores_patient_instrument_day" UNIQUE("patient_id","instrument","day"),
	CONSTRAINT "diary_scores_range" CHECK (("diary_scores"."instrument" = 'MIDAS' and "diary_scores"."total" between 0 and 270) or ("diary_scores"."instrument" = 'HIT-6' and "diary_scores"."total" between 36 and 78))
);
--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_scores" ADD CONSTRAINT "diary_scores_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;