CREATE TABLE "post_search_entries" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"is_anonymous" boolean NOT NULL,
	"named_topic_author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"search_document" "tsvector" NOT NULL
);
--> statement-breakpoint
-- Written by hand: keep the document inline (compressed if need be), never out of line in TOAST.
ALTER TABLE "post_search_entries" ALTER COLUMN "search_document" SET STORAGE MAIN;--> statement-breakpoint
-- Written by hand: the entries of the posts already written (the same SQL as writeSearchEntries), before
-- the indexes, which build faster over rows already there.
INSERT INTO "post_search_entries" ("post_id", "topic_id", "category_id", "author_id", "is_anonymous", "named_topic_author_id", "created_at", "search_document")
SELECT p.id, p.topic_id, t.category_id, p.author_id, p.is_anonymous,
	CASE WHEN t.is_anonymous THEN NULL ELSE t.author_id END, p.created_at,
	setweight(to_tsvector('english', CASE WHEN p.number = 1 AND NOT t.is_article_discussion THEN t.title ELSE '' END), 'A')
		|| setweight(to_tsvector('english', p.body_text), 'B')
FROM "posts" p JOIN "topics" t ON t.id = p.topic_id
WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL AND t.hidden_at IS NULL;--> statement-breakpoint
ALTER TABLE "post_search_entries" ADD CONSTRAINT "post_search_entries_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_search_entries_document_idx" ON "post_search_entries" USING gin ("search_document") WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "post_search_entries_created_idx" ON "post_search_entries" USING btree ("created_at","post_id");--> statement-breakpoint
CREATE INDEX "post_search_entries_category_created_idx" ON "post_search_entries" USING btree ("category_id","created_at","post_id");--> statement-breakpoint
CREATE INDEX "post_search_entries_author_created_idx" ON "post_search_entries" USING btree ("author_id","created_at","post_id");--> statement-breakpoint
DROP INDEX "posts_search_idx";--> statement-breakpoint
ALTER TABLE "posts" DROP COLUMN "search_document";--> statement-breakpoint
ALTER TABLE "posts" DROP COLUMN "search_title";
