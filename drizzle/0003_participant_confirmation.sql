-- A participant naming another delegation or its people is a request until the support unit or
-- that delegation's focal point confirms it; until then it commits nobody. Everything already
-- there was made by the support unit or an import: confirmed.
ALTER TABLE "session_participants" ADD COLUMN "confirmed" boolean DEFAULT true NOT NULL;
