ALTER TABLE "sessions" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "interpretation" text[] DEFAULT '{}'::text[] NOT NULL;