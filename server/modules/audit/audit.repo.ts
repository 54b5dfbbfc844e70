// Every write leaves a line here, in the same transaction as the write: who, what, when, before, after.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditEntry = {
  summit: { id: number; slug: string } | null;
  actor: string;
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'import'
    | 'replace'
    | 'grant'
    | 'revoke'
    | 'resend'
    | 'sign_out_everywhere'
    | 'publish';
  entity: string;
  key?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function record(db: Executor, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    summitId: e.summit?.id ?? null,
    summitSlug: e.summit?.slug ?? null,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityKey: e.key ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}

export async function listAudit(
  db: Executor,
  filter: { summitId?: number; limit: number; beforeId?: number },
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.summitId !== undefined ? eq(auditLog.summitId, filter.summitId) : undefined,
        filter.beforeId ? lt(auditLog.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
