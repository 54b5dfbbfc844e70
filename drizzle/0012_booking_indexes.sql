CREATE INDEX "marketplace_consultations_expiring" ON "marketplace_consultations" USING btree ("summit_id","expires_at") WHERE "marketplace_consultations"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "people_delegation" ON "people" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "sessions_room" ON "sessions" USING btree ("room_id","start_at");