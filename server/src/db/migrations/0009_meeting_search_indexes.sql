DROP INDEX "meetings_zone_day_time_idx";--> statement-breakpoint
CREATE INDEX "meetings_day_location_idx" ON "meetings" USING btree ("day","longitude","latitude","start_time");--> statement-breakpoint
CREATE INDEX "meetings_zone_day_time_location_idx" ON "meetings" USING btree ("time_zone","day","start_time","longitude","latitude");