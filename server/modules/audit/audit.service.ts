// The audit log as its readers see it: administrators all of it, a support unit its summit's.
import type { Outcome } from '../../core/outcome.ts';
import type { Page } from '../../core/paging.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAudit } from './audit.repo.ts';

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

export const allAudit = (db: Db, page: Page): Promise<AuditRow[]> => listAudit(db, page);

export async function summitAudit(db: Db, ctx: SummitContext, page: Page): Promise<Outcome<AuditRow[]>> {
  const verdict = auditPolicy.mayRead(ctx.roles);
  if (!verdict.ok) return verdict;
  return { ok: true, value: await listAudit(db, { ...page, summitId: ctx.summit.id }) };
}
