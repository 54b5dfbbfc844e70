// The outbox table: messages are written here in the transaction that causes them, then claimed
// by workers with FOR UPDATE SKIP LOCKED under a lease. A worker that dies leaves its lease to
// expire; the next worker sends again with the same Message-ID. Queuing a message notifies the
// workers of every process (LISTEN/NOTIFY), so none waits for its next poll.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** Workers LISTEN here; a NOTIFY is delivered when the transaction that queued mail commits. */
export const OUTBOX_CHANNEL = 'convene_outbox';

const notifyWorkers = (db: Executor) => db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);

export async function insertMessage(db: Executor, m: typeof outbox.$inferInsert): Promise<number> {
  const [row] = await db.insert(outbox).values(m).returning({ id: outbox.id });
  if (m.status === 'queued') await notifyWorkers(db);
  return row!.id;
}

/** Inserts many messages in batches (PostgreSQL takes at most 65,535 parameters a statement); one NOTIFY. */
export async function insertMessages(db: Executor, rows: (typeof outbox.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(outbox).values(rows.slice(i, i + 500));
  if (rows.some((m) => m.status === 'queued')) await notifyWorkers(db);
}

/** Takes up to `limit` due messages (queued and due, or sending with an expired lease) under a new lease. */
export async function claim(
  db: Executor,
  limit: number,
  leaseMs: number,
  leaseToken: string,
): Promise<OutboxRow[]> {
  return db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      leaseToken,
      leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
    })
    .where(sql`${outbox.id} in (
      select id from outbox
      where (status = 'queued' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now())
      order by id limit ${limit} for update skip locked)`)
    .returning();
}

const leased = (id: number, leaseToken: string) => and(eq(outbox.id, id), eq(outbox.leaseToken, leaseToken));

/**
 * Extends the lease on one message just before it is sent; false when the lease was lost (it
 * expired and another worker took the message), in which case this worker must not send it.
 */
export async function renewLease(
  db: Executor,
  id: number,
  leaseToken: string,
  leaseMs: number,
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(and(leased(id, leaseToken), eq(outbox.status, 'sending')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markSent(db: Executor, id: number, leaseToken: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: sql`now()`, leaseToken: null, leaseUntil: null, lastError: null })
    .where(leased(id, leaseToken));
}

export async function markRetry(
  db: Executor,
  id: number,
  leaseToken: string,
  error: string,
  delayMs: number,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'queued',
      lastError: error,
      leaseToken: null,
      leaseUntil: null,
      nextAttemptAt: sql`now() + ${delayMs} * interval '1 millisecond'`,
    })
    .where(leased(id, leaseToken));
}

export async function markFailed(db: Executor, id: number, leaseToken: string, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'failed', lastError: error, leaseToken: null, leaseUntil: null })
    .where(leased(id, leaseToken));
}

/** Queues a message again for a fresh round of attempts; false when it is not there or is being sent. */
export async function requeue(db: Executor, id: number, status: 'queued' | 'held'): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status, attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(eq(outbox.id, id), sql`${outbox.status} <> 'sending'`))
    .returning({ id: outbox.id });
  if (rows.length > 0 && status === 'queued') await notifyWorkers(db);
  return rows.length > 0;
}

export async function listMessages(
  db: Executor,
  filter: { summitId?: number; limit: number; beforeId?: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        filter.summitId !== undefined ? eq(outbox.summitId, filter.summitId) : undefined,
        filter.beforeId ? lt(outbox.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(filter.limit);
}

/**
 * Sign-in links held in the outbox (no mail server) for addresses of this summit alone: a person of
 * its programme or someone given a role in it, known to no other summit (as a person, a role or a
 * proposal's organiser) and no administrator, so that its support unit, who passes links on by hand,
 * never holds a way into anyone else's account.
 */
export async function heldSignInLinksOf(db: Executor, summitId: number, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, 'sign_in'),
        eq(outbox.status, 'held'),
        sql`${outbox.summitId} is null`,
        // A link works for 15 minutes (auth.service.ts): older ones are of no use to pass on.
        sql`${outbox.createdAt} > now() - interval '15 minutes'`,
        sql`lower(${outbox.recipient}) in (
          select lower(p.email) from people p where p.summit_id = ${summitId} and p.email is not null
          union select u.email from summit_roles r join users u on u.id = r.user_id where r.summit_id = ${summitId})`,
        sql`lower(${outbox.recipient}) not in (
          select lower(p.email) from people p where p.summit_id <> ${summitId} and p.email is not null
          union select u.email from summit_roles r join users u on u.id = r.user_id where r.summit_id <> ${summitId}
          union select o.email from proposal_organisers o join proposals pr on pr.id = o.proposal_id where pr.summit_id <> ${summitId}
          union select u.email from users u where u.is_admin)`,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(limit);
}

export async function findMessage(db: Executor, id: number): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}
