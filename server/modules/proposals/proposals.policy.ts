// Who may do what with a proposal. Its organisers (its creator, and its contacts by the address
// they sign in with) change, submit and withdraw it; the support unit decides on it; a delegation
// named as an organiser reads it once submitted, without the contacts' addresses. Anyone else does
// not learn that it exists (404). The transitions' own table is in shared/domain/proposals.ts.
import type { Standing as TransitionStanding } from '../../../shared/domain/proposals.ts';
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';

/** How the caller stands to one proposal. */
export type Standing = TransitionStanding & {
  /** A delegate of a delegation the proposal names as organiser, reading it. */
  delegation: boolean;
};

export const delegationTag = (key: string) => `d:${key}`;
export const organisationTag = (name: string) => `o:${name.toLowerCase()}`;

export function standingOf(
  roles: SummitRoles,
  p: { status: string; organiserTags: string[] },
  organiser: boolean,
): Standing {
  const named = p.organiserTags.some((t) => t.startsWith('d:') && roles.delegateOf.has(t.slice(2)));
  return { supportUnit: roles.supportUnit, organiser, delegation: named && p.status !== 'draft' };
}

const ORGANISERS_AND_SUPPORT = 'its organisers and the support unit';

export const proposalsPolicy = {
  sees: (s: Standing) => s.supportUnit || s.organiser || s.delegation,
  /** The contacts' e-mail addresses: its own organisers and the support unit only. */
  seesContacts: (s: Standing) => s.supportUnit || s.organiser,
  listsAll: (roles: SummitRoles) => roles.supportUnit,
  mayEdit: (s: Standing): Verdict =>
    s.supportUnit || s.organiser ? allowed : forbidden(`only ${ORGANISERS_AND_SUPPORT} change a proposal`),
  mayComment: (s: Standing): Verdict =>
    s.supportUnit || s.organiser
      ? allowed
      : forbidden(`only ${ORGANISERS_AND_SUPPORT} exchange messages about a proposal`),
  mayReport: (s: Standing): Verdict =>
    s.supportUnit || s.organiser
      ? allowed
      : forbidden(`only ${ORGANISERS_AND_SUPPORT} report on a side event`),
  mayExtend: (s: Standing): Verdict =>
    s.supportUnit ? allowed : forbidden("only the support unit extends a proposal's deadline"),
};
