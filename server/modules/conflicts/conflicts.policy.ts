// The conflict report, resolution, placement and publishing are the support unit's tools.
import { forbidden, type Failure } from '../../http/route.ts';
import type { SummitRoles } from '../roles/roles.repo.ts';

const supportOnly =
  (what: string) =>
  (roles: SummitRoles): { ok: true } | Failure =>
    roles.supportUnit ? { ok: true } : forbidden(`only the support unit ${what}`);

export const conflictsPolicy = {
  mayRead: supportOnly('reads the conflict report'),
  mayResolve: supportOnly('asks for moves and placements'),
  mayPublish: supportOnly('publishes the programme'),
};
