CREATE TABLE "check_ins" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"mood" smallint,
	"craving" smallint,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"pledged" boolean DEFAULT false NOT NULL,
	"day_rating" text,
	"evening_review" text,
	"gratitude" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_user_id_day_pk" PRIMARY KEY("user_id","day"),
	CONSTRAINT "check_ins_mood_range" CHECK ("check_ins"."mood" between 1 and 5),
	CONSTRAINT "check_ins_craving_range" CHECK ("check_ins"."craving" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"written_on" date NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_congratulations" (
	"shared_milestone_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reaction" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_congratulations_shared_milestone_id_user_id_pk" PRIMARY KEY("shared_milestone_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "recovery_counter_streaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"counter_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"started_at" time(0),
	"ended_on" date NOT NULL,
	"ended_at" time(0),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"started_on" date NOT NULL,
	"started_at" time(0),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_plans" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"warning_signs" text[] DEFAULT '{}'::text[] NOT NULL,
	"coping_strategies" text[] DEFAULT '{}'::text[] NOT NULL,
	"own_coping_strategies" text[] DEFAULT '{}'::text[] NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"people_to_call" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"safe_places" text[] DEFAULT '{}'::text[] NOT NULL,
	"professional_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"streak_started_on" date NOT NULL,
	"milestone_key" text NOT NULL,
	"milestone_label" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_congratulations" ADD CONSTRAINT "milestone_congratulations_shared_milestone_id_shared_milestones_id_fk" FOREIGN KEY ("shared_milestone_id") REFERENCES "public"."shared_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_congratulations" ADD CONSTRAINT "milestone_congratulations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_counter_streaks" ADD CONSTRAINT "recovery_counter_streaks_counter_id_recovery_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."recovery_counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_counter_streaks" ADD CONSTRAINT "recovery_counter_streaks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_counters" ADD CONSTRAINT "recovery_counters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_plans" ADD CONSTRAINT "recovery_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_milestones" ADD CONSTRAINT "shared_milestones_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_milestones" ADD CONSTRAINT "shared_milestones_counter_id_recovery_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."recovery_counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_user_idx" ON "journal_entries" USING btree ("user_id","written_on","created_at");--> statement-breakpoint
CREATE INDEX "milestone_congratulations_user_idx" ON "milestone_congratulations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recovery_counter_streaks_counter_idx" ON "recovery_counter_streaks" USING btree ("counter_id");--> statement-breakpoint
CREATE INDEX "recovery_counters_user_idx" ON "recovery_counters" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_milestones_once" ON "shared_milestones" USING btree ("counter_id","streak_started_on","milestone_key");--> statement-breakpoint
CREATE INDEX "shared_milestones_feed_idx" ON "shared_milestones" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);