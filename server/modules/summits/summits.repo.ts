import { and, asc, eq, exists, sql } from 'drizzle-orm';
import type { Summit } from '../../../shared/domain/programme.ts';
import type { Executor } from '../../db/client.ts';
import { delegations, people, rooms, segments, sessions, summits } from '../../db/schema.ts';

export type SummitRecord = Summit & { id: number };

const summitOf = (r: typeof summits.$inferSelect): SummitRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  theme: r.theme,
  venue: r.venue,
  timeZone: r.timeZone,
  startDate: r.startDate,
  endDate: r.endDate,
  proposalDeadline: r.proposalDeadline?.getTime() ?? null,
  travelMinutes: r.travelMinutes,
});

const summitRow = (s: Summit) => ({
  slug: s.slug,
  name: s.name,
  theme: s.theme,
  venue: s.venue,
  timeZone: s.timeZone,
  startDate: s.startDate,
  endDate: s.endDate,
  proposalDeadline: s.proposalDeadline === null ? null : new Date(s.proposalDeadline),
  travelMinutes: s.travelMinutes,
});

export async function findSummit(db: Executor, slug: string): Promise<SummitRecord | null> {
  const [row] = await db.select().from(summits).where(eq(summits.slug, slug));
  return row ? summitOf(row) : null;
}

/** A summit is public once any of its sessions is published. */
export async function isPublic(db: Executor, summitId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.summitId, summitId), eq(sessions.status, 'published')))
    .limit(1);
  return row !== undefined;
}

export async function listSummits(db: Executor, opts: { publicOnly: boolean }): Promise<SummitRecord[]> {
  const published = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.summitId, summits.id), eq(sessions.status, 'published')));
  const rows = await db
    .select()
    .from(summits)
    .where(opts.publicOnly ? exists(published) : undefined)
    .orderBy(asc(summits.startDate), asc(summits.id));
  return rows.map(summitOf);
}

export async function insertSummit(tx: Executor, s: Summit): Promise<number> {
  const [row] = await tx.insert(summits).values(summitRow(s)).returning({ id: summits.id });
  return row!.id;
}

export async function updateSummit(tx: Executor, id: number, s: Summit): Promise<void> {
  await tx.update(summits).set(summitRow(s)).where(eq(summits.id, id));
}

/** Removes a summit's programme (sessions first: they refer to everything else), keeping the summit. */
export async function deleteProgramme(tx: Executor, id: number): Promise<void> {
  for (const table of [sessions, people, delegations, segments, rooms])
    await tx.delete(table).where(eq(table.summitId, id));
}

export async function deleteSummit(tx: Executor, id: number): Promise<void> {
  await tx.delete(summits).where(eq(summits.id, id));
}

export async function countSummits(db: Executor): Promise<number> {
  return await db.$count(summits);
}

export async function findSummitById(db: Executor, id: number): Promise<SummitRecord | null> {
  const [row] = await db.select().from(summits).where(eq(summits.id, id));
  return row ? summitOf(row) : null;
}

/**
 * Serialises programme-wide checks with changes: ordinary writes share the lock, a check that must
 * see a stable programme until it commits (publishing, applying a placement) takes it alone.
 */
export async function lockSummit(tx: Executor, id: number, mode: 'share' | 'update'): Promise<void> {
  await tx.execute(
    mode === 'update'
      ? sql`select id from ${summits} where id = ${id} for update`
      : sql`select id from ${summits} where id = ${id} for share`,
  );
}
