-- The Marketplace (docs/marketplace.md, docs/decisions/0015). Written by drizzle-kit, with changes by
-- hand: the btree_gist extension and the exclusion constraint that keeps two live consultations off
-- one table at overlapping times (drizzle cannot declare either), and a consultation's session
-- that, when deleted, clears only "session_id" (PostgreSQL 15's column list).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "marketplace_consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"need_id" integer NOT NULL,
	"room_id" integer NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_user_id" integer,
	"requested_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"session_id" integer,
	"outcome" text,
	"funding_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcome_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_consultations_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "marketplace_consultations_status" CHECK ("marketplace_consultations"."status" in ('requested', 'accepted', 'declined', 'cancelled', 'expired')),
	CONSTRAINT "marketplace_consultations_outcome" CHECK ("marketplace_consultations"."outcome" in ('no_further_action', 'project_proposal', 'followed_up', 'under_implementation', 'implemented')),
	CONSTRAINT "marketplace_consultations_time" CHECK ("marketplace_consultations"."end_at" > "marketplace_consultations"."start_at")
);
--> statement-breakpoint
CREATE TABLE "marketplace_needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"owner_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"objectives" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"assistance" text[] DEFAULT '{}'::text[] NOT NULL,
	"provider_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_needs_key" UNIQUE("summit_id","key"),
	CONSTRAINT "marketplace_needs_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "marketplace_needs_objectives" CHECK ("marketplace_needs"."objectives" <@ array[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]::integer[]),
	CONSTRAINT "marketplace_needs_assistance" CHECK ("marketplace_needs"."assistance" <@ array['financial', 'technical', 'operational']::text[]),
	CONSTRAINT "marketplace_needs_provider_types" CHECK ("marketplace_needs"."provider_types" <@ array['member_state', 'observer_state', 'international_organisation', 'civil_society', 'business', 'mayors', 'other']::text[])
);
--> statement-breakpoint
CREATE TABLE "marketplace_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"provider_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"objectives" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"assistance" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_offers_objectives" CHECK ("marketplace_offers"."objectives" <@ array[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]::integer[]),
	CONSTRAINT "marketplace_offers_assistance" CHECK ("marketplace_offers"."assistance" <@ array['financial', 'technical', 'operational']::text[])
);
--> statement-breakpoint
CREATE TABLE "marketplace_parties" (
	"summit_id" integer NOT NULL,
	"consultation_id" integer NOT NULL,
	"delegation_id" integer NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_parties_consultation_id_delegation_id_pk" PRIMARY KEY("consultation_id","delegation_id"),
	CONSTRAINT "marketplace_parties_role" CHECK ("marketplace_parties"."role" in ('provider', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "marketplace_segments" (
	"summit_id" integer NOT NULL,
	"segment_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "marketplace_segments_summit_id_segment_id_pk" PRIMARY KEY("summit_id","segment_id")
);
--> statement-breakpoint
CREATE TABLE "marketplace_settings" (
	"summit_id" integer PRIMARY KEY NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"request_expiry_minutes" integer DEFAULT 2880 NOT NULL,
	"cap_per_delegation" integer,
	CONSTRAINT "marketplace_slot_minutes" CHECK ("marketplace_settings"."slot_minutes" between 5 and 240),
	CONSTRAINT "marketplace_expiry" CHECK ("marketplace_settings"."request_expiry_minutes" > 0),
	CONSTRAINT "marketplace_cap" CHECK ("marketplace_settings"."cap_per_delegation" > 0)
);
--> statement-breakpoint
CREATE TABLE "marketplace_tables" (
	"summit_id" integer NOT NULL,
	"room_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "marketplace_tables_summit_id_room_id_pk" PRIMARY KEY("summit_id","room_id")
);
--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_need" FOREIGN KEY ("summit_id","need_id") REFERENCES "public"."marketplace_needs"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_room" FOREIGN KEY ("summit_id","room_id") REFERENCES "public"."rooms"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_session" FOREIGN KEY ("summit_id","session_id") REFERENCES "public"."sessions"("summit_id","id") ON DELETE SET NULL ("session_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_needs" ADD CONSTRAINT "marketplace_needs_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_needs" ADD CONSTRAINT "marketplace_needs_owner" FOREIGN KEY ("summit_id","owner_id") REFERENCES "public"."delegations"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_offers" ADD CONSTRAINT "marketplace_offers_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_offers" ADD CONSTRAINT "marketplace_offers_provider" FOREIGN KEY ("summit_id","provider_id") REFERENCES "public"."delegations"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_parties" ADD CONSTRAINT "marketplace_parties_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_parties" ADD CONSTRAINT "marketplace_parties_consultation" FOREIGN KEY ("summit_id","consultation_id") REFERENCES "public"."marketplace_consultations"("summit_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_parties" ADD CONSTRAINT "marketplace_parties_delegation" FOREIGN KEY ("summit_id","delegation_id") REFERENCES "public"."delegations"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_segments" ADD CONSTRAINT "marketplace_segments_summit_id_marketplace_settings_summit_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."marketplace_settings"("summit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_segments" ADD CONSTRAINT "marketplace_segments_segment" FOREIGN KEY ("summit_id","segment_id") REFERENCES "public"."segments"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_settings" ADD CONSTRAINT "marketplace_settings_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_tables" ADD CONSTRAINT "marketplace_tables_summit_id_marketplace_settings_summit_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."marketplace_settings"("summit_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_tables" ADD CONSTRAINT "marketplace_tables_room" FOREIGN KEY ("summit_id","room_id") REFERENCES "public"."rooms"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketplace_consultations_need" ON "marketplace_consultations" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "marketplace_consultations_time" ON "marketplace_consultations" USING btree ("summit_id","start_at");--> statement-breakpoint
CREATE INDEX "marketplace_needs_owner" ON "marketplace_needs" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "marketplace_offers_provider" ON "marketplace_offers" USING btree ("summit_id","provider_id");--> statement-breakpoint
CREATE INDEX "marketplace_parties_delegation" ON "marketplace_parties" USING btree ("delegation_id");--> statement-breakpoint
ALTER TABLE "marketplace_consultations" ADD CONSTRAINT "marketplace_consultations_no_overlap" EXCLUDE USING gist ("summit_id" WITH =, "room_id" WITH =, tstzrange("start_at", "end_at", '[)') WITH &&) WHERE ("status" in ('requested', 'accepted'));