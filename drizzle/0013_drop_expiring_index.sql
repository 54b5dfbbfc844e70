-- The partial index of expiring requests (0012) is read by nothing since a booking marks only the
-- stale requests at its table, found through the exclusion constraint's index (decision 0017).
DROP INDEX "marketplace_consultations_expiring";