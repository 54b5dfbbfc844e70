// Requests made with an Idempotency-Key (the `idempotency_keys` table): the first one's answer,
// kept for a day and replayed to a repeat.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { idempotencyKeys } from '../../db/schema.ts';

export type PriorRequest = { route: string; status: number | null; response: unknown };

/**
 * Claims a key for this request in the caller's transaction; if another request holds it, waits
 * for that one to commit (the unique key makes PostgreSQL wait) and answers what it recorded.
 */
export async function claimKey(
  tx: Executor,
  account: string,
  key: string,
  route: string,
): Promise<{ id: number } | { prior: PriorRequest }> {
  const [row] = await tx
    .insert(idempotencyKeys)
    .values({ account, key, route })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (row) return { id: row.id };
  const [prior] = await tx
    .select({
      route: idempotencyKeys.route,
      status: idempotencyKeys.status,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.account, account), eq(idempotencyKeys.key, key)));
  if (!prior) return { prior: { route, status: null, response: null } };
  return { prior: { ...prior, response: prior.response === null ? null : JSON.parse(prior.response) } };
}

export async function keepResponse(
  tx: Executor,
  id: number,
  status: number,
  response: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status, response: JSON.stringify(response) })
    .where(eq(idempotencyKeys.id, id));
}

/** A request that failed gives its key back: the same key may be used again once it is corrected. */
export async function releaseKey(tx: Executor, id: number): Promise<void> {
  await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}

export async function purgeKeys(db: Executor, olderThanMs: number): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < now() - ${olderThanMs} * interval '1 millisecond'`)
    .returning({ id: idempotencyKeys.id });
  return gone.length;
}
