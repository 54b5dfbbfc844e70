import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { sessions } from '../../db/schema.ts';

/** Marks every placed session of a summit published; returns how many there are. */
export async function publishSessions(tx: Executor, summitId: number): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ status: 'published' })
    .where(and(eq(sessions.summitId, summitId), isNotNull(sessions.startAt)))
    .returning({ id: sessions.id });
  return rows.length;
}
