-- The calendars the exports and feeds write carry each session's SEQUENCE, the invitations' counter
-- (calendar_sequences, raised by a release): a release that raises one must raise the programme's
-- version too (0009), or a cached calendar would keep the old SEQUENCE.
CREATE CONSTRAINT TRIGGER "calendar_sequences_programme_version" AFTER INSERT OR DELETE ON "calendar_sequences" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "raise_programme_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "calendar_sequences_programme_version_update" AFTER UPDATE ON "calendar_sequences" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "raise_programme_version"();
