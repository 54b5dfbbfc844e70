-- A Marketplace booking in one statement (docs/marketplace.md, "Booking", docs/decisions/0016): the
-- locks, the checks and the writes of `requestConsultation` in a function the server calls once, so
-- that a booking costs one round trip to the database, not twenty, and holds its locks only while
-- the database works. Written by hand (drizzle declares no functions).
--
-- `p` carries what the server settled before calling: the summit, need, table (room) and slot; the
-- delegations to check with their sizes, the cap, the presence roles of the conflict rules
-- (shared/domain/vocabulary.ts, PRESENCE_ROLES); the new consultation's id (taken from its sequence
-- beforehand), its provider, who asked and when it expires; the audit line and the owner's mail,
-- written by the server. The function locks the summit (shared) and the delegations (in id order),
-- marks the stale requests at the table then as expired, then refuses with the first reason
-- found, in the order the server's slot check gives them (marketplace.slots.ts, refusalAt):
--   {"refused": "table"}                              a live consultation holds the table then;
--   {"refused": "hosts", "title": "…"}                a session is held in the room then;
--   {"refused": "cap", "delegation": id}              the delegation has reached the cap;
--   {"refused": "over", "delegation": id, "titles": […]}  the delegation would be in more places
--                                                      than it has people (its presence-role
--                                                      sessions and its live requests then);
-- or writes the consultation, its provider, the audit line and the mail, and answers {"ok": true}.
-- A second live consultation at the table is refused by the exclusion constraint (23P01) all the
-- same: the check above only spares the insert's cost.
-- What a delegation is committed to during [t0, t1) at `at_`, as the conflict rules count it: the
-- sessions where it, or one of its people, has a confirmed presence role (`presence`), and its live
-- requests that are not a session yet (an accepted one is its session): `session` names a session,
-- `request` a request. The booking below and the alternatives a refusal offers both read it.
CREATE FUNCTION "marketplace_commitments"(delegation integer, t0 timestamptz, t1 timestamptz,
	at_ timestamptz, presence text[])
RETURNS TABLE ("session" integer, "request" integer, "title" text, a timestamptz, b timestamptz)
LANGUAGE sql STABLE AS $$
	-- Each part starts from the delegation (its participant rows, its people, its needs, its parties),
	-- so that a summit of thousands of sessions and consultations costs a few index probes. The
	-- summit is implied (a delegation belongs to one): naming it would only offer the planner
	-- a scan of the whole summit's rows while a rush has left its statistics behind.
	SELECT s."id", NULL::integer, s."title", s."start_at", s."end_at"
	FROM "sessions" s
	WHERE s."id" IN (
			SELECT sp."session_id" FROM "session_participants" sp
			WHERE sp."delegation_id" = delegation AND sp."person_id" IS NULL AND sp."confirmed" AND sp."role" = ANY(presence)
			UNION
			SELECT sp."session_id" FROM "people" pe JOIN "session_participants" sp ON sp."person_id" = pe."id"
			WHERE pe."delegation_id" = delegation AND sp."confirmed" AND sp."role" = ANY(presence))
		AND s."start_at" < t1 AND s."end_at" > t0
	UNION ALL
	SELECT NULL, c."id", 'Marketplace: ' || ne."title", c."start_at", c."end_at"
	FROM "marketplace_needs" ne
	JOIN "marketplace_consultations" c ON c."need_id" = ne."id"
	WHERE ne."owner_id" = delegation AND c."session_id" IS NULL
		AND c."start_at" < t1 AND c."end_at" > t0
		AND (c."status" = 'accepted' OR (c."status" = 'requested' AND c."expires_at" > at_))
	UNION ALL
	SELECT NULL, c."id", 'Marketplace: ' || ne."title", c."start_at", c."end_at"
	FROM "marketplace_parties" pa
	JOIN "marketplace_consultations" c ON c."id" = pa."consultation_id"
	JOIN "marketplace_needs" ne ON ne."id" = c."need_id"
	WHERE pa."delegation_id" = delegation AND pa."role" = 'provider'
		AND c."session_id" IS NULL AND c."start_at" < t1 AND c."end_at" > t0
		AND (c."status" = 'accepted' OR (c."status" = 'requested' AND c."expires_at" > at_))
$$;
--> statement-breakpoint
CREATE FUNCTION "marketplace_book"(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	summit integer := (p->>'summit')::integer;
	room integer := (p->>'room')::integer;
	t0 timestamptz := (p->>'start')::timestamptz;
	t1 timestamptz := (p->>'end')::timestamptz;
	at_ timestamptz := (p->>'now')::timestamptz;
	cap integer := (p->>'cap')::integer;
	presence text[] := array(SELECT jsonb_array_elements_text(p->'presence'));
	ids integer[] := array(SELECT (d->>'id')::integer FROM jsonb_array_elements(p->'delegations') d);
	consultation integer := (p->>'id')::integer;
	d jsonb;
	did integer;
	hosted text;
	n integer;
	peak integer;
	titles jsonb;
BEGIN
	PERFORM 1 FROM "summits" WHERE "id" = summit FOR SHARE;
	PERFORM 1 FROM "delegations" WHERE "summit_id" = summit AND "id" = ANY(ids) ORDER BY "id" FOR UPDATE;

	-- Requests past their time hold nothing, and every read counts them so by their time; those at this
	-- table then are marked expired, so that the exclusion constraint (which reads the status) agrees.
	UPDATE "marketplace_consultations" c SET "status" = 'expired', "updated_at" = at_
	WHERE c."summit_id" = summit AND c."room_id" = room AND c."status" IN ('requested', 'accepted')
		AND tstzrange(c."start_at", c."end_at", '[)') && tstzrange(t0, t1, '[)')
		AND c."status" = 'requested' AND c."expires_at" <= at_;

	-- Read as the exclusion constraint reads it, so that its index answers.
	IF EXISTS (SELECT 1 FROM "marketplace_consultations" c
		WHERE c."summit_id" = summit AND c."room_id" = room AND c."status" IN ('requested', 'accepted')
			AND tstzrange(c."start_at", c."end_at", '[)') && tstzrange(t0, t1, '[)')
			AND (c."status" = 'accepted' OR c."expires_at" > at_)) THEN
		RETURN jsonb_build_object('refused', 'table');
	END IF;

	-- Another session in the room (a consultation's own session is its consultation, checked above).
	SELECT s."title" INTO hosted FROM "sessions" s
	WHERE s."room_id" = room AND s."start_at" < t1 AND s."end_at" > t0 AND s."summit_id" = summit
		AND NOT EXISTS (SELECT 1 FROM "marketplace_consultations" c WHERE c."session_id" = s."id"
			AND (c."status" = 'accepted' OR (c."status" = 'requested' AND c."expires_at" > at_)))
	ORDER BY s."id" LIMIT 1;
	IF hosted IS NOT NULL THEN
		RETURN jsonb_build_object('refused', 'hosts', 'title', hosted);
	END IF;

	IF cap IS NOT NULL THEN
		FOREACH did IN ARRAY ids LOOP
			SELECT count(*) INTO n FROM "marketplace_consultations" c
			JOIN "marketplace_needs" ne ON ne."id" = c."need_id"
			WHERE c."summit_id" = summit
				AND (c."status" = 'accepted' OR (c."status" = 'requested' AND c."expires_at" > at_))
				AND (ne."owner_id" = did OR EXISTS (SELECT 1 FROM "marketplace_parties" pa
					WHERE pa."consultation_id" = c."id" AND pa."delegation_id" = did AND pa."role" = 'provider'));
			IF n >= cap THEN
				RETURN jsonb_build_object('refused', 'cap', 'delegation', did);
			END IF;
		END LOOP;
	END IF;

	FOR d IN SELECT * FROM jsonb_array_elements(p->'delegations') LOOP
		did := (d->>'id')::integer;
		-- Its commitments then, as the conflict rules count them: sessions where it (or one of its
		-- people) has a confirmed presence role, and its live requests not yet a session.
		WITH "commitments" AS (
			SELECT * FROM "marketplace_commitments"(did, t0, t1, at_, presence)
		),
		-- The most held at once within the slot: at the slot's start or where one begins inside it.
		"points" AS (
			SELECT t0 AS x UNION SELECT greatest(k.a, t0) FROM "commitments" k
		),
		-- Each title once, where the server first lists it: sessions by id, then requests by start and id.
		"named" AS (
			SELECT DISTINCT ON (k."title") k."title", k."session", k.a, k."request"
			FROM "commitments" k
			ORDER BY k."title", k."session" NULLS LAST, k.a, k."request"
		)
		SELECT
			coalesce((SELECT max((SELECT count(*) FROM "commitments" k
				WHERE greatest(k.a, t0) <= x AND x < least(k.b, t1))) FROM "points"), 0),
			coalesce((SELECT jsonb_agg(nm."title" ORDER BY nm."session" NULLS LAST, nm.a, nm."request") FROM "named" nm), '[]'::jsonb)
		INTO peak, titles;
		IF peak + 1 > (d->>'size')::integer THEN
			RETURN jsonb_build_object('refused', 'over', 'delegation', did, 'titles', titles);
		END IF;
	END LOOP;

	INSERT INTO "marketplace_consultations"
		("id", "summit_id", "need_id", "room_id", "start_at", "end_at", "requested_by_user_id", "requested_by", "expires_at", "created_at", "updated_at")
	VALUES (consultation, summit, (p->>'need')::integer, room, t0, t1, (p->>'userId')::integer,
		p->>'requestedBy', (p->>'expires')::timestamptz, at_, at_);
	INSERT INTO "marketplace_parties" ("summit_id", "consultation_id", "delegation_id", "role", "created_at")
	VALUES (summit, consultation, (p->>'provider')::integer, 'provider', at_);
	INSERT INTO "audit_log" ("summit_id", "summit_slug", "actor", "action", "entity", "entity_key", "after")
	SELECT r."summit_id", r."summit_slug", r."actor", r."action", r."entity", r."entity_key", r."after"
	FROM jsonb_populate_record(NULL::"audit_log", p->'audit') r;
	INSERT INTO "outbox" ("message_id", "summit_id", "kind", "recipient", "subject", "body_text", "body_html", "ical", "ical_method", "secret", "status")
	SELECT r."message_id", r."summit_id", r."kind", r."recipient", r."subject", r."body_text", r."body_html", r."ical", r."ical_method", r."secret", r."status"
	FROM jsonb_populate_recordset(NULL::"outbox", p->'mails') r;
	IF EXISTS (SELECT 1 FROM jsonb_array_elements(p->'mails') m WHERE m->>'status' = 'queued') THEN
		PERFORM pg_notify('convene_outbox', '');
	END IF;
	RETURN jsonb_build_object('ok', true);
END
$$;
