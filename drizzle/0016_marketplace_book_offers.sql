-- A booking's refusals without waiting, with what the loser is offered (docs/marketplace.md,
-- "Booking"; docs/decisions/0021). Written by hand (drizzle declares no functions).
--
-- 1. The refusals that need no lock come first: a live consultation at the table, a session held in
--    the room. In a rush most bookings are refused so, and they no longer queue behind the owners'
--    row locks for a fact the table already shows. Those that pass lock the summit and the
--    delegations as before; a race at the table is still settled by the exclusion constraint, now
--    caught here, so that its loser is answered like any other.
-- 2. A refusal carries what the server needs to offer the next bookable slots: when `p.offer` gives a
--    span ({"from", "to"}), the parties' commitments in it ([delegation, title, start ms, end ms],
--    as marketplace_commitments reads them) and, under a cap, their live counts; the server then
--    checks its candidate slots without another round trip.
-- 3. `p.mails` null asks "would this be booked?": a booking that passes every check is then not
--    written but answered {"unwritten": true}, and the server calls again with the owner's mail. The
--    server asks so when its board (at most 250 ms old) already shows the table taken, to spare
--    writing mail for a refusal that is almost certain, without trusting the board for the answer.
-- 4. Plans that stay good while a rush outgrows the statistics. A fresh Marketplace's statistics say
--    its consultations table is empty until autovacuum analyses it (a minute or more into a rush);
--    with such statistics the planner chose to read every live consultation through the exclusion
--    constraint's index (its predicate is "live"), some 1,800 rows for each count. The live
--    conditions below are written so that the predicate cannot be proven from them (NOT IN the
--    closed statuses), which leaves only the need's and the parties' indexes, and the functions keep
--    one generic plan per connection (plan_cache_mode) instead of planning anew at every call (the
--    planner kept choosing custom plans: 0.5-3 ms each). A cached plan is made again when the
--    tables it reads are analysed.

-- marketplace_commitments (0011) with its live conditions written as 4. says; otherwise unchanged.
CREATE OR REPLACE FUNCTION "marketplace_commitments"(delegation integer, t0 timestamptz, t1 timestamptz,
	at_ timestamptz, presence text[])
RETURNS TABLE ("session" integer, "request" integer, "title" text, a timestamptz, b timestamptz)
LANGUAGE sql STABLE AS $$
	-- Each part starts from the delegation (its participant rows, its people, its needs, its parties);
	-- the summit is implied (a delegation belongs to one).
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
		AND c."status" NOT IN ('declined', 'cancelled', 'expired') AND (c."status" = 'accepted' OR c."expires_at" > at_)
	UNION ALL
	SELECT NULL, c."id", 'Marketplace: ' || ne."title", c."start_at", c."end_at"
	FROM "marketplace_parties" pa
	JOIN "marketplace_consultations" c ON c."id" = pa."consultation_id"
	JOIN "marketplace_needs" ne ON ne."id" = c."need_id"
	WHERE pa."delegation_id" = delegation AND pa."role" = 'provider'
		AND c."session_id" IS NULL AND c."start_at" < t1 AND c."end_at" > t0
		AND c."status" NOT IN ('declined', 'cancelled', 'expired') AND (c."status" = 'accepted' OR c."expires_at" > at_)
$$;
--> statement-breakpoint
-- A delegation's live consultations at `at_` (the cap counts them): those of its needs and those it
-- provides to, each found from the delegation (its needs, its parties) so that a summit of thousands
-- of consultations costs a few index probes. (PL/pgSQL, as the next one, so that each connection
-- plans its query once.)
CREATE FUNCTION "marketplace_live_count"(delegation integer, at_ timestamptz)
RETURNS integer LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$ BEGIN
	RETURN (SELECT count(*)::integer FROM "marketplace_needs" ne
		JOIN "marketplace_consultations" c ON c."need_id" = ne."id"
		WHERE ne."owner_id" = delegation
			AND c."status" NOT IN ('declined', 'cancelled', 'expired') AND (c."status" = 'accepted' OR c."expires_at" > at_))
		+ (SELECT count(*)::integer FROM "marketplace_parties" pa
		JOIN "marketplace_consultations" c ON c."id" = pa."consultation_id"
		JOIN "marketplace_needs" ne ON ne."id" = c."need_id"
		WHERE pa."delegation_id" = delegation AND pa."role" = 'provider' AND ne."owner_id" <> delegation
			AND c."status" NOT IN ('declined', 'cancelled', 'expired') AND (c."status" = 'accepted' OR c."expires_at" > at_));
END $$;
--> statement-breakpoint
-- A refusal, with the parties' commitments in the span `p.offer` and their live counts under a cap.
-- Its arguments are read into variables first, so that marketplace_commitments is inlined into one
-- plan, made once per connection.
CREATE FUNCTION "marketplace_refusal"(p jsonb, answer jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
	ids integer[] := array(SELECT (d->>'id')::integer FROM jsonb_array_elements(p->'delegations') d);
	presence text[] := array(SELECT jsonb_array_elements_text(p->'presence'));
	t0 timestamptz := (p->'offer'->>'from')::timestamptz;
	t1 timestamptz := (p->'offer'->>'to')::timestamptz;
	at_ timestamptz := (p->>'now')::timestamptz;
BEGIN
	IF jsonb_typeof(p->'offer') IS DISTINCT FROM 'object' THEN
		RETURN answer;
	END IF;
	RETURN answer || jsonb_build_object(
		'commitments', coalesce((
			SELECT jsonb_agg(jsonb_build_array(d, c."title",
					(extract(epoch FROM c.a) * 1000)::float8, (extract(epoch FROM c.b) * 1000)::float8)
				ORDER BY c."session" NULLS LAST, c.a, c."request")
			FROM unnest(ids) d, LATERAL "marketplace_commitments"(d, t0, t1, at_, presence) c), '[]'::jsonb),
		'live', CASE WHEN p->>'cap' IS NULL THEN '{}'::jsonb ELSE (
			SELECT jsonb_object_agg(d, "marketplace_live_count"(d, at_)) FROM unnest(ids) d) END);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "marketplace_book"(p jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
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
	peak integer;
	titles jsonb;
BEGIN
	-- Read as the exclusion constraint reads it, so that its index answers; no lock is needed to see
	-- that the table is taken (requests past their time count as free, as every read counts them).
	IF EXISTS (SELECT 1 FROM "marketplace_consultations" c
		WHERE c."summit_id" = summit AND c."room_id" = room AND c."status" IN ('requested', 'accepted')
			AND tstzrange(c."start_at", c."end_at", '[)') && tstzrange(t0, t1, '[)')
			AND (c."status" = 'accepted' OR c."expires_at" > at_)) THEN
		RETURN "marketplace_refusal"(p, jsonb_build_object('refused', 'table'));
	END IF;

	-- Another session in the room (a consultation's own session is its consultation, checked above).
	SELECT s."title" INTO hosted FROM "sessions" s
	WHERE s."room_id" = room AND s."start_at" < t1 AND s."end_at" > t0 AND s."summit_id" = summit
		AND NOT EXISTS (SELECT 1 FROM "marketplace_consultations" c WHERE c."session_id" = s."id"
			AND (c."status" = 'accepted' OR (c."status" = 'requested' AND c."expires_at" > at_)))
	ORDER BY s."id" LIMIT 1;
	IF hosted IS NOT NULL THEN
		RETURN "marketplace_refusal"(p, jsonb_build_object('refused', 'hosts', 'title', hosted));
	END IF;

	PERFORM 1 FROM "summits" WHERE "id" = summit FOR SHARE;
	PERFORM 1 FROM "delegations" WHERE "summit_id" = summit AND "id" = ANY(ids) ORDER BY "id" FOR UPDATE;

	IF cap IS NOT NULL THEN
		FOREACH did IN ARRAY ids LOOP
			IF "marketplace_live_count"(did, at_) >= cap THEN
				RETURN "marketplace_refusal"(p, jsonb_build_object('refused', 'cap', 'delegation', did));
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
			RETURN "marketplace_refusal"(p, jsonb_build_object('refused', 'over', 'delegation', did, 'titles', titles));
		END IF;
	END LOOP;

	IF jsonb_typeof(p->'mails') IS DISTINCT FROM 'array' THEN
		RETURN jsonb_build_object('unwritten', true);
	END IF;

	BEGIN
		-- Requests past their time hold nothing; those at this table then are marked expired, so that
		-- the exclusion constraint (which reads the status) agrees.
		UPDATE "marketplace_consultations" c SET "status" = 'expired', "updated_at" = at_
		WHERE c."summit_id" = summit AND c."room_id" = room AND c."status" IN ('requested', 'accepted')
			AND tstzrange(c."start_at", c."end_at", '[)') && tstzrange(t0, t1, '[)')
			AND c."status" = 'requested' AND c."expires_at" <= at_;
		INSERT INTO "marketplace_consultations"
			("id", "summit_id", "need_id", "room_id", "start_at", "end_at", "requested_by_user_id", "requested_by", "expires_at", "created_at", "updated_at")
		VALUES (consultation, summit, (p->>'need')::integer, room, t0, t1, (p->>'userId')::integer,
			p->>'requestedBy', (p->>'expires')::timestamptz, at_, at_);
	EXCEPTION WHEN exclusion_violation THEN
		-- Another booking took the table since the check above: the race's loser, told at once.
		RETURN "marketplace_refusal"(p, jsonb_build_object('refused', 'table'));
	END;
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
