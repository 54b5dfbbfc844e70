import type { SummitRoles } from '../roles/roles.repo.ts';

/** The audit log of a summit is the support unit's to read. */
export const auditPolicy = { mayRead: (roles: SummitRoles) => roles.supportUnit };
