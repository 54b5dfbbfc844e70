// Every write leaves a line in the audit log, in the same transaction as the write: who, what,
// when, before and after. Any module writes here; only the audit module reads it back.
import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'import'
  | 'replace'
  | 'grant'
  | 'revoke'
  | 'resend'
  | 'sign_out_everywhere'
  | 'publish'
  /** Hard conflicts a change of a published session accepted by name. */
  | 'accept_conflicts'
  // A side-event proposal's steps (docs/proposals.md).
  | 'submit'
  | 'withdraw'
  | 'accept'
  | 'reject'
  | 'request_changes'
  | 'extend_deadline'
  /** The support unit submitted a proposal after the deadline: a late one it takes. */
  | 'accept_late'
  | 'comment'
  | 'report'
  // A Marketplace consultation's steps (docs/marketplace.md).
  | 'request'
  | 'decline'
  | 'cancel'
  | 'join'
  | 'observe'
  | 'record_outcome'
  | 'schedule';

export type AuditEntry = {
  summit: { id: number; slug: string } | null;
  actor: string;
  action: AuditAction;
  entity: string;
  key?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function record(db: Executor, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(e));
}

/** The row an entry becomes, for a write the caller makes itself in one statement with others. */
export function auditRow(e: AuditEntry): typeof auditLog.$inferInsert {
  return {
    summitId: e.summit?.id ?? null,
    summitSlug: e.summit?.slug ?? null,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityKey: e.key ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
