// Reads the audit log back (core/audit.ts writes it).
import { and, desc, eq, lt } from 'drizzle-orm';
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
