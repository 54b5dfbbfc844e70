import type { SummitRoles } from '../../core/roles.ts';

export const schedulePolicy = {
  /** A delegation's members and the support unit see its whole agenda, drafts and contacts included. */
  seesOwnDelegation: (roles: SummitRoles, delegation: string) =>
    roles.supportUnit || roles.delegateOf.has(delegation),
};
