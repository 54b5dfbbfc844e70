// What of a programme a caller sees when they write to it. Anything they cannot see is answered
// exactly as if it did not exist (404 with the message of a missing item), and a reference to it
// in a body is "unknown", like a reference to nothing: a draft does not leak through a write.
//
// The support unit sees everything. Anyone else who may open the summit sees its rooms, segments
// and delegations; the published sessions, and the drafts that name their delegations, their
// people or their side events (as their delegation's agenda shows them); and the people named in
// a published session, of their delegations, or themselves.
import type { Person, Session } from '../../../shared/domain/programme.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import type { ListName } from './programme.repo.ts';
import * as repo from './programme.repo.ts';

type Value = { key: string };

/** Whether the caller sees one item, as loaded with drafts. */
export async function sees(tx: Executor, ctx: SummitContext, list: ListName, value: Value): Promise<boolean> {
  const { roles } = ctx;
  if (ctx.view.drafts) return true;
  if (list === 'sessions') {
    const s = value as Session;
    if (s.status === 'published' || roles.organiserOf.has(s.key)) return true;
    if (s.participants.some((p) => p.delegation !== null && roles.delegateOf.has(p.delegation))) return true;
    const named = s.participants.flatMap((p) => (p.person !== null ? [p.person] : []));
    if (named.some((k) => roles.personKeys.has(k))) return true;
    return (await ownPeople(tx, ctx, named)).length > 0;
  }
  if (list === 'people') return (await visiblePeople(tx, ctx, [value.key])).has(value.key);
  return true;
}

/** People of these keys who are of the caller's delegations. */
async function ownPeople(tx: Executor, ctx: SummitContext, keys: readonly string[]): Promise<Person[]> {
  if (keys.length === 0 || ctx.roles.delegateOf.size === 0) return [];
  const found = await repo.loadPeople(tx, ctx.summit.id, { keys });
  return found.filter((p) => p.delegation !== null && ctx.roles.delegateOf.has(p.delegation));
}

/** Of these people's keys, those that exist and that the caller sees. */
export async function visiblePeople(
  tx: Executor,
  ctx: SummitContext,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const unique = [...new Set(keys)];
  if (ctx.view.drafts)
    return new Set((await repo.loadPeople(tx, ctx.summit.id, { keys: unique })).map((p) => p.key));
  const own = await ownPeople(tx, ctx, unique);
  const published = await repo.loadPeople(tx, ctx.summit.id, { keys: unique, publicOnly: true });
  // The caller's own people exist: rolesOf found them by the caller's address.
  const self = unique.filter((k) => ctx.roles.personKeys.has(k));
  return new Set([...own.map((p) => p.key), ...published.map((p) => p.key), ...self]);
}
