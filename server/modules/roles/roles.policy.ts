// The support unit of a summit gives and takes its roles.
import { forbidden, type Failure } from '../../http/route.ts';
import type { SummitRoles } from './roles.repo.ts';

export const rolesPolicy = {
  mayManage: (roles: SummitRoles): { ok: true } | Failure =>
    roles.supportUnit ? { ok: true } : forbidden('only the support unit gives and takes roles'),
};
