CREATE TABLE "delegations" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "delegations_key" UNIQUE("summit_id","key"),
	CONSTRAINT "delegations_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "delegations_kind" CHECK ("delegations"."kind" in ('member_state', 'observer_state', 'international_organisation', 'civil_society', 'business', 'mayors', 'other')),
	CONSTRAINT "delegations_size" CHECK ("delegations"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"person_id" integer,
	"delegation_id" integer,
	"role" text NOT NULL,
	CONSTRAINT "participants_one" CHECK (num_nonnulls("session_participants"."person_id", "session_participants"."delegation_id") = 1),
	CONSTRAINT "participants_role" CHECK ("session_participants"."role" in ('co_chair', 'rapporteur', 'thematic_lead', 'moderator', 'panellist', 'speaker', 'organiser', 'owner', 'provider', 'participant', 'observer', 'visitor'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"delegation_id" integer,
	"title" text,
	CONSTRAINT "people_key" UNIQUE("summit_id","key"),
	CONSTRAINT "people_summit_id" UNIQUE("summit_id","id")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"building" text,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"microphones" integer DEFAULT 0 NOT NULL,
	"changeover_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rooms_key" UNIQUE("summit_id","key"),
	CONSTRAINT "rooms_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "rooms_capacity" CHECK ("rooms"."capacity" >= 0),
	CONSTRAINT "rooms_microphones" CHECK ("rooms"."microphones" >= 0),
	CONSTRAINT "rooms_changeover" CHECK ("rooms"."changeover_minutes" >= 0),
	CONSTRAINT "rooms_equipment" CHECK ("rooms"."equipment" <@ array['projector', 'screen', 'hdmi', 'usb', 'interpretation', 'video_conference', 'recording']::text[])
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segments_key" UNIQUE("summit_id","key"),
	CONSTRAINT "segments_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "segments_kind" CHECK ("segments"."kind" in ('plenary', 'roundtables', 'marketplace', 'side_events', 'special_session', 'common_space', 'break')),
	CONSTRAINT "segments_time" CHECK ("segments"."end_at" > "segments"."start_at")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"segment_id" integer,
	"room_id" integer,
	"start_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"duration_minutes" integer NOT NULL,
	"preferred_starts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expected_attendance" integer,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"microphones" integer,
	"pinned" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "sessions_key" UNIQUE("summit_id","key"),
	CONSTRAINT "sessions_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('plenary', 'roundtable', 'side_event', 'marketplace_consultation', 'special_session', 'meeting')),
	CONSTRAINT "sessions_status" CHECK ("sessions"."status" in ('draft', 'published')),
	CONSTRAINT "sessions_time_pair" CHECK (("sessions"."start_at" is null) = ("sessions"."end_at" is null)),
	CONSTRAINT "sessions_time" CHECK ("sessions"."end_at" > "sessions"."start_at"),
	CONSTRAINT "sessions_duration" CHECK ("sessions"."duration_minutes" > 0),
	CONSTRAINT "sessions_attendance" CHECK ("sessions"."expected_attendance" >= 0),
	CONSTRAINT "sessions_microphones" CHECK ("sessions"."microphones" >= 0),
	CONSTRAINT "sessions_equipment" CHECK ("sessions"."equipment" <@ array['projector', 'screen', 'hdmi', 'usb', 'interpretation', 'video_conference', 'recording']::text[])
);
--> statement-breakpoint
CREATE TABLE "summits" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"proposal_deadline" timestamp with time zone,
	"travel_minutes" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "summits_slug_unique" UNIQUE("slug"),
	CONSTRAINT "summits_dates" CHECK ("summits"."end_date" >= "summits"."start_date"),
	CONSTRAINT "summits_travel" CHECK ("summits"."travel_minutes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "participants_session" FOREIGN KEY ("summit_id","session_id") REFERENCES "public"."sessions"("summit_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "participants_person" FOREIGN KEY ("summit_id","person_id") REFERENCES "public"."people"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "participants_delegation" FOREIGN KEY ("summit_id","delegation_id") REFERENCES "public"."delegations"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_delegation" FOREIGN KEY ("summit_id","delegation_id") REFERENCES "public"."delegations"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_segment" FOREIGN KEY ("summit_id","segment_id") REFERENCES "public"."segments"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_room" FOREIGN KEY ("summit_id","room_id") REFERENCES "public"."rooms"("summit_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_session" ON "session_participants" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "participants_person" ON "session_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "participants_delegation" ON "session_participants" USING btree ("delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_person_role" ON "session_participants" USING btree ("session_id","person_id","role") WHERE "session_participants"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_delegation_role" ON "session_participants" USING btree ("session_id","delegation_id","role") WHERE "session_participants"."delegation_id" is not null;--> statement-breakpoint
CREATE INDEX "people_email" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "sessions_start" ON "sessions" USING btree ("summit_id","start_at");