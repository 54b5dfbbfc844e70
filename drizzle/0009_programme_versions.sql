-- Counters per summit whose sum the exports and feeds read to know, in one query, that the published
-- programme they hold is still current (docs/exports.md). Written by drizzle-kit (the table), with
-- the triggers by hand (drizzle declares neither triggers nor functions): a transaction that inserts,
-- updates or deletes a summit's rooms, segments, delegations, people, sessions or participants, or
-- updates the summit row, raises one of the summit's 16 counters once, when it commits. The triggers
-- are deferred constraint triggers: a counter's row is locked only while the transaction commits,
-- after every other lock it takes, so that concurrent writers of one summit never wait on each
-- other before then and cannot deadlock over it; the slot is chosen by transaction id, so that two
-- committing at once seldom share one. Drafts raise it too: a reader that finds a new version
-- reloads, and the content's hash (the ETag) says whether anything it shows changed.
CREATE TABLE "programme_versions" (
	"summit_id" integer NOT NULL,
	"slot" integer NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_versions_summit_id_slot_pk" PRIMARY KEY("summit_id","slot")
);
--> statement-breakpoint
CREATE FUNCTION "raise_programme_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	summit integer;
	raised text := coalesce(current_setting('convene.programmes_raised', true), '');
BEGIN
	IF TG_TABLE_NAME = 'summits' THEN
		summit := NEW.id;
	ELSIF TG_OP = 'DELETE' THEN
		summit := OLD.summit_id;
	ELSE
		summit := NEW.summit_id;
	END IF;
	-- Once a transaction: a programme replaced by an import writes thousands of rows.
	IF position(',' || summit || ',' IN raised) > 0 THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('convene.programmes_raised', raised || ',' || summit || ',', true);
	INSERT INTO "programme_versions" AS v ("summit_id", "slot", "version")
	VALUES (summit, (txid_current() % 16)::integer, 1)
	ON CONFLICT ("summit_id", "slot") DO UPDATE SET "version" = v."version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "summits_programme_version" AFTER UPDATE ON "summits" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "rooms_programme_version" AFTER INSERT OR DELETE ON "rooms" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "rooms_programme_version_update" AFTER UPDATE ON "rooms" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "segments_programme_version" AFTER INSERT OR DELETE ON "segments" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "segments_programme_version_update" AFTER UPDATE ON "segments" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "delegations_programme_version" AFTER INSERT OR DELETE ON "delegations" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "delegations_programme_version_update" AFTER UPDATE ON "delegations" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_programme_version" AFTER INSERT OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_programme_version_update" AFTER UPDATE ON "people" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "sessions_programme_version" AFTER INSERT OR DELETE ON "sessions" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "sessions_programme_version_update" AFTER UPDATE ON "sessions" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "session_participants_programme_version" AFTER INSERT OR DELETE ON "session_participants" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "session_participants_programme_version_update" AFTER UPDATE ON "session_participants" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
