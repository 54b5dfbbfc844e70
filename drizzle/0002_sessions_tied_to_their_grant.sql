ALTER TABLE "auth_sessions" ADD COLUMN "api_token_id" integer;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_api_token_id_api_tokens_id_fk" FOREIGN KEY ("api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_api_token" ON "auth_sessions" USING btree ("api_token_id");
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "admin_fingerprint" text;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "admin_fingerprint" text;--> statement-breakpoint
-- Administrator access granted before fingerprints were kept cannot be tied to the ADMIN_TOKEN that
-- granted it: those tokens are revoked (visible as such in the token list) and those sessions end.
UPDATE "api_tokens" SET "revoked_at" = now() WHERE "user_id" IS NULL AND "revoked_at" IS NULL;--> statement-breakpoint
DELETE FROM "auth_sessions" WHERE "user_id" IS NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_admin_fingerprint" CHECK (("api_tokens"."user_id" is null) = ("api_tokens"."admin_fingerprint" is not null) or "api_tokens"."revoked_at" is not null);--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_admin_fingerprint" CHECK (("auth_sessions"."user_id" is null) = ("auth_sessions"."admin_fingerprint" is not null));
