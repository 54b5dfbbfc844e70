// The feed tokens' table; whether the caller may do this was decided before.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type SummitRecord, summitOf } from '../../core/summit-context.ts';
import { feedTokens, summits, users } from '../../db/schema.ts';
import { versionOf } from '../exports/exports.service.ts';

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

/** A live feed by its token's hash, with its summit, its maker and the programme's version: one query. */
export async function findByHash(
  db: Executor,
  tokenHash: string,
): Promise<{
  feed: FeedRow;
  summit: SummitRecord;
  maker: typeof users.$inferSelect;
  programmeVersion: number;
} | null> {
  const [row] = await db
    .select({ f: feedTokens, summit: summits, maker: users, version: versionOf(feedTokens.summitId) })
    .from(feedTokens)
    .innerJoin(summits, eq(summits.id, feedTokens.summitId))
    .innerJoin(users, eq(users.id, feedTokens.userId))
    .where(and(eq(feedTokens.tokenHash, tokenHash), isNull(feedTokens.revokedAt)));
  if (!row) return null;
  const summit = summitOf(row.summit);
  return {
    feed: rowOf({ f: row.f, slug: summit.slug, summitName: summit.name }),
    summit,
    maker: row.maker,
    programmeVersion: Number(row.version),
  };
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
