// Naming another delegation or its people in a session is a request: it commits them only once the
// support unit or that delegation's focal point confirms it (until then the conflict engine leaves
// it out). Naming one's own delegation, oneself, or a delegation one may confirm for needs nothing.
import type { Participant, Session } from '../../../shared/domain/programme.ts';
import { type Failure, forbidden } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './programme.repo.ts';

const identity = (p: Participant) => `${p.person ?? ''}|${p.delegation ?? ''}|${p.role}`;

/** Whether the caller may confirm (or decline) what commits this delegation (null: a person of none). */
export const mayConfirm = (roles: SummitRoles, delegation: string | null): boolean =>
  roles.supportUnit || (delegation !== null && roles.focalPointOf.has(delegation));

/** Whether naming this participant is the caller's own business, needing nobody's confirmation. */
const isOwn = (roles: SummitRoles, p: Participant, delegation: string | null) =>
  mayConfirm(roles, delegation) ||
  (delegation !== null && roles.delegateOf.has(delegation)) ||
  (p.person !== null && roles.personKeys.has(p.person));

/** The delegation each participant commits: its own, or its person's. */
export async function delegationsOf(
  tx: Executor,
  summitId: number,
  list: readonly Participant[],
): Promise<(p: Participant) => string | null> {
  const keys = [...new Set(list.flatMap((p) => (p.person !== null ? [p.person] : [])))];
  const people = keys.length ? await repo.loadPeople(tx, summitId, { keys }) : [];
  const of = new Map(people.map((p) => [p.key, p.delegation]));
  return (p) => (p.person !== null ? (of.get(p.person) ?? null) : p.delegation);
}

/**
 * The session's participants with their confirmation settled: one that stays keeps its state
 * unless the change says otherwise (which needs the right to confirm); a new one is confirmed
 * when it is the caller's own, a request otherwise. Stored as `confirmed: false` or nothing.
 */
export async function settleParticipants(
  tx: Executor,
  ctx: SummitContext,
  before: Session | null,
  after: Session,
): Promise<{ ok: true; value: Session } | Failure> {
  const { roles } = ctx;
  const prior = new Map((before?.participants ?? []).map((p) => [identity(p), p]));
  const delegationOf = await delegationsOf(tx, ctx.summit.id, after.participants);
  const settled: Participant[] = [];
  for (const [i, p] of after.participants.entries()) {
    const had = prior.get(identity(p));
    const d = delegationOf(p);
    const wasConfirmed = had ? had.confirmed !== false : null;
    let confirmed: boolean;
    if (p.confirmed === undefined) confirmed = wasConfirmed ?? isOwn(roles, p, d);
    else if (p.confirmed === wasConfirmed || (had === undefined && p.confirmed === false))
      confirmed = p.confirmed;
    else if (had ? mayConfirm(roles, d) : isOwn(roles, p, d)) confirmed = p.confirmed;
    else
      return forbidden(
        `only the support unit${d === null ? '' : ` or the focal point of delegation "${d}"`} may confirm this participant`,
        `participants[${i}].confirmed`,
      );
    const { confirmed: _, ...rest } = p;
    settled.push(confirmed ? rest : { ...rest, confirmed: false });
  }
  return { ok: true, value: { ...after, participants: settled } };
}
