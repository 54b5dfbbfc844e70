-- Side-event proposals (docs/proposals.md, docs/decisions/0014). Written by drizzle-kit, with one
-- change by hand: when an accepted proposal's session is deleted (or the programme replaced), only
-- "session_id" is cleared, not "summit_id" with it (PostgreSQL 15's column list; drizzle cannot say it).
CREATE TABLE "idempotency_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"status" integer,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_account_key" UNIQUE("account","key")
);
--> statement-breakpoint
CREATE TABLE "proposal_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"proposal_id" integer NOT NULL,
	"author" text NOT NULL,
	"from_support_unit" boolean NOT NULL,
	"body" text NOT NULL,
	"transition" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_organisers" (
	"proposal_id" integer NOT NULL,
	"email" text NOT NULL,
	"via" text NOT NULL,
	CONSTRAINT "proposal_organisers_proposal_id_email_via_pk" PRIMARY KEY("proposal_id","email","via"),
	CONSTRAINT "proposal_organisers_email_lower" CHECK ("proposal_organisers"."email" = lower("proposal_organisers"."email")),
	CONSTRAINT "proposal_organisers_via" CHECK ("proposal_organisers"."via" in ('creator', 'contact'))
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"summit_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"format" text,
	"preferred_days" date[] DEFAULT '{}'::date[] NOT NULL,
	"organiser_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" integer,
	"created_by" text NOT NULL,
	"session_id" integer,
	"deadline_extended_to" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"report" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "proposals_summit_id" UNIQUE("summit_id","id"),
	CONSTRAINT "proposals_status" CHECK ("proposals"."status" in ('draft', 'submitted', 'changes_requested', 'accepted', 'rejected', 'withdrawn')),
	CONSTRAINT "proposals_format" CHECK ("proposals"."format" in ('standard', 'breakfast', 'lunch', 'reception')),
	CONSTRAINT "proposals_version" CHECK ("proposals"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "proposal_comments" ADD CONSTRAINT "proposal_comments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_organisers" ADD CONSTRAINT "proposal_organisers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_summit_id_summits_id_fk" FOREIGN KEY ("summit_id") REFERENCES "public"."summits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session" FOREIGN KEY ("summit_id","session_id") REFERENCES "public"."sessions"("summit_id","id") ON DELETE SET NULL ("session_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "proposal_comments_proposal" ON "proposal_comments" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE INDEX "proposal_organisers_email" ON "proposal_organisers" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_once" ON "proposals" USING btree ("session_id") WHERE "proposals"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "proposals_desk" ON "proposals" USING btree ("summit_id","status","id");--> statement-breakpoint
CREATE INDEX "proposals_organiser_tags" ON "proposals" USING gin ("organiser_tags");--> statement-breakpoint
CREATE INDEX "proposals_preferred_days" ON "proposals" USING gin ("preferred_days");