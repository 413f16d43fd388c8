ALTER TABLE "meeting_sources" ADD COLUMN "last_attempted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD COLUMN "last_error" text;