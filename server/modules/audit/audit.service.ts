// The audit log as its readers see it: administrators all of it, a support unit its summit's;
// each line also said in words (audit.view.ts).
import type { ConflictRef } from '../../../shared/domain/conflict-refs.ts';
import type { Outcome } from '../../core/outcome.ts';
import type { Page } from '../../core/paging.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAcceptances, listAudit } from './audit.repo.ts';
import { type DescribedRow, describe } from './audit.view.ts';

export type { AuditRow } from './audit.repo.ts';

export const allAudit = async (db: Db, page: Page): Promise<DescribedRow[]> =>
  describe(db, await listAudit(db, page));

export async function summitAudit(db: Db, ctx: SummitContext, page: Page): Promise<Outcome<DescribedRow[]>> {
  const verdict = auditPolicy.mayRead(ctx.roles);
  if (!verdict.ok) return verdict;
  return { ok: true, value: await describe(db, await listAudit(db, { ...page, summitId: ctx.summit.id })) };
}

export type Acceptance = Omit<ConflictRef, 'reason'> & { reason: string | null; at: Date };

/**
 * The hard conflicts accepted by name, newest first, with why: what the conflict report marks as
 * accepted (a conflict accepted twice keeps its latest reason).
 */
export async function acceptances(db: Db, summitId: number): Promise<Acceptance[]> {
  const rows = await listAcceptances(db, summitId, 200);
  return rows.flatMap((r) => {
    const list = (r.after as { acceptedConflicts?: (ConflictRef & { reason?: string | null })[] } | null)
      ?.acceptedConflicts;
    return (list ?? []).map((c) => ({ ...c, reason: c.reason ?? null, at: r.at }));
  });
}
