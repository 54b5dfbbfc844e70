import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';

/** The audit log of a summit is the support unit's to read. */
export const auditPolicy = {
  mayRead: (roles: SummitRoles): Verdict =>
    roles.supportUnit ? allowed : forbidden('only the support unit reads the audit log'),
};
