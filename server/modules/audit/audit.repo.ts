// Reads the audit log back (core/audit.ts writes it).
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Page } from '../../core/paging.ts';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export async function listAudit(db: Executor, filter: Page & { summitId?: number }) {
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

/** The latest lines that accepted hard conflicts by name (publishing, a change of a published session). */
export async function listAcceptances(db: Executor, summitId: number, limit: number) {
  return db
    .select({ at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.summitId, summitId), inArray(auditLog.action, ['publish', 'accept_conflicts'])))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
