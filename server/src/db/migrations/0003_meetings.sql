CREATE TABLE "meeting_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"program" text,
	"default_time_zone" text NOT NULL,
	"refresh_interval_minutes" integer,
	"last_imported_at" timestamp with time zone,
	"last_report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"source_key" text,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"day" smallint,
	"start_time" time(0),
	"end_time" time(0),
	"time_zone" text NOT NULL,
	"types" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"attendance" text NOT NULL,
	"is_location_temporarily_closed" boolean DEFAULT false NOT NULL,
	"program" text,
	"notes" text,
	"location_name" text,
	"location_notes" text,
	"formatted_address" text,
	"street" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"is_approximate" boolean DEFAULT false NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"district" text,
	"group_name" text,
	"group_notes" text,
	"conference_url" text,
	"conference_url_notes" text,
	"conference_phone" text,
	"conference_phone_notes" text,
	"url" text,
	"venmo" text,
	"paypal" text,
	"square" text,
	"feedback_url" text,
	"feedback_emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"entity" jsonb,
	"source_updated_at" timestamp with time zone,
	"content_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_source_id_meeting_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."meeting_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_sources_name_lower_unique" ON "meeting_sources" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_sources_slug_unique" ON "meeting_sources" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_slug_unique" ON "meetings" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_source_key_unique" ON "meetings" USING btree ("source_id","source_key");--> statement-breakpoint
CREATE INDEX "meetings_day_time_idx" ON "meetings" USING btree ("day","start_time");