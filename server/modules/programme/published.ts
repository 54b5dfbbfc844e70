// A published session stays out of new hard conflicts: a change that would put it in one (a PATCH,
// a participant added or confirmed, a move, a placement) is refused with the conflicts, unless the
// request accepts each by name, as publishing does; the acceptance goes to the audit log. And only
// publishing publishes: the item routes do not write `status`.
import { type ConflictRef, conflictsAdded, namesConflict } from '../../../shared/domain/conflict-refs.ts';
import { conflictsInvolving, prepare } from '../../../shared/domain/conflicts/engine.ts';
import type { Conflict, ConflictInput } from '../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../shared/domain/programme.ts';
import { dayBounds, zoneOffsets } from '../../../shared/domain/time.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { failure, type Failure, invalidField } from '../../core/outcome.ts';
import type { SummitContext, SummitRecord } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './programme.repo.ts';

const DAY = 86_400_000;

/**
 * The programme as the conflict engine reads it, with the zone's offsets over every session's time;
 * with `sessions`, only those (the conflicts among them, e.g. of one delegation's agenda).
 */
export async function conflictInput(
  db: Executor,
  summit: SummitRecord,
  sessions?: Session[],
): Promise<ConflictInput> {
  const lists = sessions
    ? {
        rooms: await repo.loadRooms(db, summit.id),
        segments: await repo.loadSegments(db, summit.id),
        delegations: await repo.loadDelegations(db, summit.id),
        people: await repo.loadPeople(db, summit.id),
        sessions,
      }
    : await repo.loadLists(db, summit.id);
  const times = lists.sessions.flatMap((s) => (s.start !== null && s.end !== null ? [s.start, s.end] : []));
  const from = Math.min(dayBounds(summit.startDate, summit.timeZone)[0], ...times) - DAY;
  const to = Math.max(dayBounds(summit.endDate, summit.timeZone)[1], ...times) + DAY;
  return { summit, ...lists, offsets: zoneOffsets(summit.timeZone, from, to) };
}

const PUBLISH = 'is changed only by publishing (POST /api/summits/{slug}/publish)';

/** `status` is publishing's to write: a new session is a draft, a change keeps the status it had. */
export function statusKept(before: Session | null, after: Session): Failure | null {
  const had = before?.status ?? 'draft';
  return after.status === had
    ? null
    : invalidField(before ? PUBLISH : `must be draft: it ${PUBLISH}`, 'status');
}

export type Accepted = Conflict & { reason: string | null };

/**
 * The hard conflicts a change of a published session would add (against the programme as saved),
 * each accepted by name or the refusal listing them: 409, each problem the conflict's sentence,
 * and `conflicts` as GET /conflicts shapes them, so that a client can accept them by name.
 */
export async function guardPublished(
  tx: Executor,
  ctx: SummitContext,
  before: Session,
  after: Session,
  accept: readonly ConflictRef[],
): Promise<{ ok: true; accepted: Accepted[] } | Failure> {
  if (before.status !== 'published') return { ok: true, accepted: [] };
  const input = await conflictInput(tx, ctx.summit);
  const rest = prepare({ ...input, sessions: input.sessions.filter((s) => s.key !== before.key) });
  const hard = (s: Session) => conflictsInvolving(rest, s).filter((c) => c.severity === 'hard');
  const added = conflictsAdded(hard({ ...before, key: after.key }), hard(after));
  const unaccepted = added.filter((c) => !accept.some((ref) => namesConflict(ref, c)));
  if (unaccepted.length) {
    return {
      ...failure(
        'conflict',
        unaccepted.map((c) => ({ path: 'accept', message: c.message })),
      ),
      details: { conflicts: unaccepted },
    };
  }
  return {
    ok: true,
    accepted: added.map((c) => ({
      ...c,
      reason: accept.find((ref) => namesConflict(ref, c))?.reason ?? null,
    })),
  };
}

/** Records the hard conflicts a change of a published session accepted, next to the change itself. */
export async function recordAccepted(tx: Executor, ctx: SummitContext, key: string, accepted: Accepted[]) {
  if (accepted.length === 0) return;
  await record(tx, {
    summit: ctx.summit,
    actor: actorLabel(ctx.actor),
    action: 'accept_conflicts',
    entity: 'session',
    key,
    after: { acceptedConflicts: accepted },
  });
}
