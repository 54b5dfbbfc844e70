// The support unit of a summit gives and takes its roles.
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';

export const rolesPolicy = {
  mayManage: (roles: SummitRoles): Verdict =>
    roles.supportUnit ? allowed : forbidden('only the support unit gives and takes roles'),
};
