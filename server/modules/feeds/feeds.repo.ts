// The feed tokens' table; whether the caller may do this was decided before.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { feedTokens, summits } from '../../db/schema.ts';

export type FeedRow = typeof feedTokens.$inferSelect & { slug: string; summitName: string };

const columns = { f: feedTokens, slug: summits.slug, summitName: summits.name };
const rowOf = (r: { f: typeof feedTokens.$inferSelect; slug: string; summitName: string }): FeedRow => ({
  ...r.f,
  slug: r.slug,
  summitName: r.summitName,
});

export async function insertFeed(
  db: Executor,
  f: {
    summitId: number;
    userId: number;
    tokenHash: string;
    scope: 'delegation' | 'person';
    scopeKey: string;
  },
): Promise<number> {
  const [row] = await db.insert(feedTokens).values(f).returning({ id: feedTokens.id });
  return row!.id;
}

/** A live feed by its token's hash. */
export async function findByHash(db: Executor, tokenHash: string): Promise<FeedRow | null> {
  const [row] = await db
    .select(columns)
    .from(feedTokens)
    .innerJoin(summits, eq(summits.id, feedTokens.summitId))
    .where(and(eq(feedTokens.tokenHash, tokenHash), isNull(feedTokens.revokedAt)));
  return row ? rowOf(row) : null;
}

export async function findFeed(db: Executor, id: number): Promise<FeedRow | null> {
  const [row] = await db
    .select(columns)
    .from(feedTokens)
    .innerJoin(summits, eq(summits.id, feedTokens.summitId))
    .where(eq(feedTokens.id, id));
  return row ? rowOf(row) : null;
}

/** A user's live feeds, newest first. */
export async function listFeeds(db: Executor, userId: number): Promise<FeedRow[]> {
  const rows = await db
    .select(columns)
    .from(feedTokens)
    .innerJoin(summits, eq(summits.id, feedTokens.summitId))
    .where(and(eq(feedTokens.userId, userId), isNull(feedTokens.revokedAt)))
    .orderBy(desc(feedTokens.id));
  return rows.map(rowOf);
}

export async function revokeFeed(db: Executor, id: number, at: Date): Promise<void> {
  await db.update(feedTokens).set({ revokedAt: at }).where(eq(feedTokens.id, id));
}

export async function touchFeed(db: Executor, id: number, at: Date): Promise<void> {
  await db.update(feedTokens).set({ lastUsedAt: at }).where(eq(feedTokens.id, id));
}
