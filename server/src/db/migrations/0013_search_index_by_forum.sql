-- Written by hand: btree_gin lets one GIN index hold the forum beside the words (a trusted extension:
-- the database's owner may create it; PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "post_search_entries_document_idx";--> statement-breakpoint
CREATE INDEX "post_search_entries_category_document_idx" ON "post_search_entries" USING gin ("category_id","search_document") WITH (fastupdate=off);
