// The summits table (core/summit-context.ts finds and locks one summit for a request).
import { and, asc, eq, exists } from 'drizzle-orm';
import type { Summit } from '../../../shared/domain/programme.ts';
import type { Executor } from '../../db/client.ts';
import { summitOf, type SummitRecord } from '../../core/summit-context.ts';
import { sessions, summits } from '../../db/schema.ts';

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
  language: s.language,
});

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

export async function deleteSummit(tx: Executor, id: number): Promise<void> {
  await tx.delete(summits).where(eq(summits.id, id));
}

export async function countSummits(db: Executor): Promise<number> {
  return await db.$count(summits);
}
