CREATE TABLE "calendar_sequences" (
	"summit_id" integer NOT NULL,
	"session_key" text NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"rsvp_secret" text NOT NULL,
	CONSTRAINT "calendar_sequences_summit_id_session_key_pk" PRIMARY KEY("summit_id","session_key"),
	CONSTRAINT "calendar_sequences_sequence" CHECK ("calendar_sequences"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sessions" jsonb NOT NULL,
	CONSTRAINT "releases_number" UNIQUE("summit_id","number"),
	CONSTRAINT "releases_number_positive" CHECK ("releases"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "rsvps" (
	"summit_id" integer NOT NULL,
	"session_key" text NOT NULL,
	"person_key" text NOT NULL,
	"answer" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rsvps_summit_id_session_key_person_key_pk" PRIMARY KEY("summit_id","session_key","person_key"),
	CONSTRAINT "rsvps_answer" CHECK ("rsvps"."answer" in ('accepted', 'tentative', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "calendar_sequences" ADD CONSTRAINT "calendar_sequences_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;