// Keyset paging of append-only logs (outbox, audit): newest first, `limit` rows with ids below
// `beforeId`. Stable while rows are added, unlike an offset.
export type Page = { limit: number; beforeId?: number };

export const pageOf = (query: { limit: number; before?: number }): Page => ({
  limit: query.limit,
  beforeId: query.before,
});
