// The summit a proposal request names. Anyone signed in may propose while the summit calls for
// proposals (it has a proposal deadline); otherwise the summit opens only for those who see it
// anyway, or who already organise a proposal there. Anyone else finds no such summit (404).
import type { Actor } from '../../core/actor.ts';
import { notFound, type Outcome } from '../../core/outcome.ts';
import { rolesIn, type SummitRoles } from '../../core/roles.ts';
import { findSummit, isPublic, type SummitRecord, viewOf } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import { organisesAny } from './proposals.repo.ts';

export type ProposalContext = {
  summit: SummitRecord;
  actor: Actor;
  roles: SummitRoles;
  /** The caller's address, lower-cased: what makes them an organiser; null for the administrator. */
  email: string | null;
};

export async function openProposals(
  db: Executor,
  slug: string,
  actor: Actor,
): Promise<Outcome<ProposalContext>> {
  const missing = notFound(`summit "${slug}" not found`);
  const summit = await findSummit(db, slug);
  if (!summit || actor.kind === 'anonymous') return missing;
  const roles = await rolesIn(db, summit.id, actor);
  const email = actor.kind === 'user' ? actor.email.toLowerCase() : null;
  const opens =
    roles.supportUnit ||
    summit.proposalDeadline !== null ||
    viewOf(roles, await isPublic(db, summit.id)) !== null ||
    (email !== null && (await organisesAny(db, summit.id, email)));
  return opens ? { ok: true, value: { summit, actor, roles, email } } : missing;
}
