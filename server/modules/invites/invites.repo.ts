// Releases, the calendar identity of each session, and RSVP answers: the only drizzle user of the module.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RsvpAnswer } from '../../../shared/schemas/invites.ts';
import type { Executor } from '../../db/client.ts';
import { calendarSequences, releases, rsvps } from '../../db/schema.ts';
import type { ReleasedSession } from './release.ts';

export async function lastRelease(
  db: Executor,
  summitId: number,
): Promise<{ number: number; sessions: ReleasedSession[] } | null> {
  const [row] = await db
    .select({ number: releases.number, sessions: releases.sessions })
    .from(releases)
    .where(eq(releases.summitId, summitId))
    .orderBy(desc(releases.number))
    .limit(1);
  return row ? { number: row.number, sessions: row.sessions as ReleasedSession[] } : null;
}

/** When the last release was made, its number and how many sessions it holds; null before the first. */
export async function lastReleaseFacts(db: Executor, summitId: number) {
  const [row] = await db
    .select({
      number: releases.number,
      at: releases.createdAt,
      sessions: sql<number>`jsonb_array_length(${releases.sessions})`.mapWith(Number),
    })
    .from(releases)
    .where(eq(releases.summitId, summitId))
    .orderBy(desc(releases.number))
    .limit(1);
  return row ?? null;
}

export async function insertRelease(
  db: Executor,
  summitId: number,
  number: number,
  sessions: ReleasedSession[],
) {
  await db.insert(releases).values({ summitId, number, sessions });
}

export type CalendarIdentity = typeof calendarSequences.$inferSelect;
type NewIdentity = { sessionKey: string; uid: string; rsvpSecret: string; raise: boolean };

const CHUNK = 1000;

/**
 * Makes sure each session has a calendar identity (SEQUENCE 0 when new), raises SEQUENCE where
 * asked on those that had one, and answers them all.
 */
export async function advanceSequences(
  db: Executor,
  summitId: number,
  items: readonly NewIdentity[],
): Promise<Map<string, CalendarIdentity>> {
  const out = new Map<string, CalendarIdentity>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    const raised = new Set(part.filter((p) => p.raise).map((p) => p.sessionKey));
    const rows = await db
      .insert(calendarSequences)
      .values(part.map(({ raise: _, ...p }) => ({ summitId, ...p, sequence: 0 })))
      .onConflictDoUpdate({
        target: [calendarSequences.summitId, calendarSequences.sessionKey],
        set: {
          sequence: sql`${calendarSequences.sequence} + case when ${calendarSequences.sessionKey} in ${
            raised.size
              ? sql`(${sql.join(
                  [...raised].map((k) => sql`${k}`),
                  sql`, `,
                )})`
              : sql`(null)`
          } then 1 else 0 end`,
        },
      })
      .returning();
    for (const r of rows) out.set(r.sessionKey, r);
  }
  return out;
}

export async function findIdentity(db: Executor, summitId: number, sessionKey: string) {
  const [row] = await db
    .select()
    .from(calendarSequences)
    .where(and(eq(calendarSequences.summitId, summitId), eq(calendarSequences.sessionKey, sessionKey)));
  return row ?? null;
}

export async function saveRsvp(
  db: Executor,
  r: { summitId: number; sessionKey: string; personKey: string; answer: RsvpAnswer },
) {
  await db
    .insert(rsvps)
    .values(r)
    .onConflictDoUpdate({
      target: [rsvps.summitId, rsvps.sessionKey, rsvps.personKey],
      set: { answer: r.answer, answeredAt: sql`now()` },
    });
}

export async function listRsvps(db: Executor, summitId: number, sessionKeys?: string[]) {
  return db
    .select()
    .from(rsvps)
    .where(
      and(eq(rsvps.summitId, summitId), sessionKeys ? inArray(rsvps.sessionKey, sessionKeys) : undefined),
    )
    .orderBy(rsvps.sessionKey, rsvps.personKey);
}
