ALTER TABLE "people" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "summits" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_language" CHECK ("people"."language" in ('en', 'fr', 'es'));--> statement-breakpoint
ALTER TABLE "summits" ADD CONSTRAINT "summits_language" CHECK ("summits"."language" in ('en', 'fr', 'es'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language" CHECK ("users"."language" in ('en', 'fr', 'es'));