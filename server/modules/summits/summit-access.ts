// Finds the summit a request names, what the caller is in it, and what they may see of it. A
// hidden summit answers 404, exactly like one that does not exist, so that drafts do not leak.
import type { Db, Executor } from '../../db/client.ts';
import { isAdmin, type Actor } from '../../http/access.ts';
import { notFound, type Reply } from '../../http/route.ts';
import { programmePolicy, type View } from '../programme/programme.policy.ts';
import { noRoles, rolesOf, type SummitRoles } from '../roles/roles.repo.ts';
import { findSummit, isPublic, type SummitRecord } from './summits.repo.ts';

export type SummitContext = { summit: SummitRecord; actor: Actor; roles: SummitRoles; view: View };

export async function rolesIn(db: Executor, summitId: number, actor: Actor): Promise<SummitRoles> {
  if (isAdmin(actor)) return { ...noRoles(), supportUnit: true };
  return actor.kind === 'user' ? rolesOf(db, summitId, actor) : noRoles();
}

export async function openSummit(db: Db, slug: string, actor: Actor): Promise<SummitContext | Reply> {
  const summit = await findSummit(db, slug);
  if (!summit) return notFound(`summit "${slug}"`);
  const roles = await rolesIn(db, summit.id, actor);
  const view = programmePolicy.view(roles, {
    isPublic: roles.supportUnit || (await isPublic(db, summit.id)),
  });
  return view ? { summit, actor, roles, view } : notFound(`summit "${slug}"`);
}

export const isReply = (x: SummitContext | Reply): x is Reply => 'status' in x;

/** Runs `then` in the summit a request names, or answers 404. */
export async function inSummit(
  db: Db,
  slug: string,
  actor: Actor,
  then: (ctx: SummitContext) => Promise<Reply>,
): Promise<Reply> {
  const found = await openSummit(db, slug, actor);
  return isReply(found) ? found : then(found);
}
