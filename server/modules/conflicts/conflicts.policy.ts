// The conflict report, resolution, placement and publishing are the support unit's tools.
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';

const supportOnly =
  (what: string) =>
  (roles: SummitRoles): Verdict =>
    roles.supportUnit ? allowed : forbidden(`only the support unit ${what}`);

export const conflictsPolicy = {
  mayRead: supportOnly('reads the conflict report'),
  mayResolve: supportOnly('asks for moves and placements'),
  mayPublish: supportOnly('publishes the programme'),
};
