// The conflict report, moves and publishing, over the engine in shared/domain (automatic placement
// is placement.service.ts).
import { conflictsInvolving, prepare } from '../../../shared/domain/conflicts/engine.ts';
import { namesConflict } from '../../../shared/domain/conflict-refs.ts';
import { decodeCursor } from '../../../shared/domain/conflicts/order.ts';
import {
  type ConflictPage,
  type ConflictPageOptions,
  conflictPage,
} from '../../../shared/domain/conflicts/paging.ts';
import type { Conflict, ConflictInput } from '../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../shared/domain/programme.ts';
import { CONFLICT_PAGE_DEFAULT } from '../../../shared/schemas/api.ts';
import { type MoveWhy, NO_HARD_CONFLICT, searchMoves } from '../../../shared/domain/resolution/moves.ts';
import { formatTime } from '../../../shared/domain/time.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { failure, invalidField, notFound, type Outcome, type Problem } from '../../core/outcome.ts';
import { lockSummit, type SummitContext, type SummitRecord } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { acceptances } from '../audit/audit.service.ts';
import { makeRelease, type ReleaseMade } from '../invites/invites.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { conflictInput, publishPlacedSessions, updateItem } from '../programme/programme.service.ts';
import { offThread, runTask } from '../../workers/pool.ts';
import { conflictsPolicy } from './conflicts.policy.ts';

/**
 * The programme as the engine reads it, with the zone's offsets over every session's time; with
 * `sessions`, only those (the conflicts among them, e.g. of one delegation's agenda).
 */
export function checkInput(db: Executor, summit: SummitRecord, sessions?: Session[]): Promise<ConflictInput> {
  return conflictInput(db, summit, sessions);
}

/** A page of a programme's report: on the worker pool for a large programme, so that other requests keep answering. */
const pageOf = (input: ConflictInput, opts: ConflictPageOptions): Promise<ConflictPage> | ConflictPage =>
  offThread(input.sessions.length) ? runTask('conflictPage', { input, ...opts }) : conflictPage(input, opts);

/** The conflicts among some sessions that concern a delegation or its people: the first page of them, and how many. */
export async function conflictsAmong(
  db: Db,
  summit: SummitRecord,
  sessions: Session[],
  concerning: { delegation: string; people: string[] },
): Promise<ConflictPage> {
  return pageOf(await checkInput(db, summit, sessions), { limit: CONFLICT_PAGE_DEFAULT, concerning });
}

/** One page of the conflict report, with exact counts for the whole of it. */
export async function conflictReport(
  db: Db,
  ctx: SummitContext,
  query: { limit: number; after?: string },
): Promise<Outcome<ConflictPage>> {
  const verdict = conflictsPolicy.mayRead(ctx.roles);
  if (!verdict.ok) return verdict;
  const after = query.after === undefined ? null : decodeCursor(query.after);
  if (query.after !== undefined && after === null) {
    return invalidField('not a cursor of this report: pass the `next` of the previous page', 'query.after');
  }
  const input = await checkInput(db, ctx.summit);
  const page = await pageOf(input, { limit: query.limit, after });
  const accepted = await acceptances(db, ctx.summit.id);
  const marked = page.conflicts.map((c) => {
    const found =
      c.severity === 'hard' ? accepted.find((a) => namesConflict({ ...a, reason: undefined }, c)) : undefined;
    return found ? { ...c, accepted: { reason: found.reason, at: found.at.toISOString() } } : c;
  });
  return { ok: true, value: { ...page, conflicts: marked } };
}

const missing = (key: string) => notFound(`session "${key}" not found`);

export async function sessionMoves(db: Db, ctx: SummitContext, key: string) {
  const verdict = conflictsPolicy.mayResolve(ctx.roles);
  if (!verdict.ok) return verdict;
  const input = await checkInput(db, ctx.summit);
  const session = input.sessions.find((s) => s.key === key);
  if (!session) return missing(key);
  const p = prepare(input);
  const hard = conflictsInvolving(p, session).filter((c) => c.severity === 'hard');
  const tz = ctx.summit.timeZone;
  // A pinned or unplaced session says so whatever its conflicts; any other is searched only when in a hard one.
  const search =
    hard.length === 0 && !session.pinned && session.start !== null ? null : searchMoves(p, session);
  const moves = (search?.moves ?? []).map((m) => ({
    room: m.room,
    start: formatTime(m.start, tz),
    end: formatTime(m.end, tz),
    cost: m.cost,
    minutesFromOriginal: m.minutesFromOriginal,
    otherRoom: m.otherRoom,
    softConflicts: m.softConflicts,
  }));
  const note = search ? search.why : NO_HARD_CONFLICT;
  const why: MoveWhy | null = search ? search.whyNot : { code: 'noHardConflict' };
  return {
    ok: true as const,
    value: { session: key, conflicts: hard, moves, ...(note && { note }), ...(why && { why }) },
  };
}

/** Moves (or places) one session, then re-checks it against the programme as saved. */
export async function moveSession(
  db: Db,
  ctx: SummitContext,
  key: string,
  to: { room?: string | null; start: string; end: string; accept?: ConflictRef[] },
) {
  const result = await updateItem(
    db,
    ctx,
    'sessions',
    key,
    (current) => {
      const { durationMinutes: _, ...rest } = current;
      const next: Record<string, unknown> = { ...rest, start: to.start, end: to.end };
      if (to.room === null) delete next.room;
      else if (to.room !== undefined) next.room = to.room;
      return next;
    },
    { accept: to.accept },
  );
  if (!result.ok) return result;
  const input = await checkInput(db, ctx.summit);
  const session = input.sessions.find((s) => s.key === result.value.key)!;
  return {
    ok: true as const,
    value: {
      session: result.value,
      conflicts: conflictsInvolving(
        prepare({ ...input, sessions: input.sessions.filter((s) => s !== session) }),
        session,
      ),
    },
  };
}

/** Hard conflicts a publication may accept by name, and those a refusal lists. */
const MAX_ACCEPTED = 1_000;
const SHOWN = 100;

type ConflictRef = {
  code: string;
  sessions: string[];
  room?: string;
  person?: string;
  delegation?: string;
  reason?: string;
};
const refMatches = (ref: ConflictRef, c: Conflict) =>
  ref.code === c.code &&
  [...ref.sessions].sort().join() === [...c.sessions].sort().join() &&
  (ref.room ?? null) === (c.room ?? null) &&
  (ref.person ?? null) === (c.person ?? null) &&
  (ref.delegation ?? null) === (c.delegation ?? null);

/**
 * Publishes every session that has a time: only with no hard conflict, or with each one accepted by name,
 * the acceptance recorded in the audit log. The same transaction makes a release and queues the
 * invitations it calls for (docs/invites.md).
 */
export async function publishProgramme(
  db: Db,
  ctx: SummitContext,
  accept: ConflictRef[],
  mailer: Mailer,
): Promise<Outcome<{ published: number; accepted: Conflict[]; release: ReleaseMade }>> {
  const verdict = conflictsPolicy.mayPublish(ctx.roles);
  if (!verdict.ok) return verdict;
  return db.transaction(async (tx) => {
    await lockSummit(tx, ctx.summit.id, 'update');
    // At most 1,000 can be accepted: a programme with more hard conflicts is refused without
    // listing them all (the conflict report pages through them).
    const { conflicts: hard, total } = await pageOf(await checkInput(tx, ctx.summit), {
      limit: MAX_ACCEPTED + 1,
      severity: 'hard',
    });
    const unaccepted = hard.filter((c) => !accept.some((ref) => refMatches(ref, c)));
    if (unaccepted.length) {
      const shown: Problem[] = unaccepted
        .slice(0, SHOWN)
        .map((c) => ({ path: 'accept', message: c.message }));
      const more = total - (hard.length - unaccepted.length) - shown.length;
      if (more > 0)
        shown.push({ path: 'accept', message: `and ${more} more hard conflicts (see the conflict report)` });
      return failure('conflict', shown);
    }
    const accepted = hard.map((c) => ({
      ...c,
      reason: accept.find((ref) => refMatches(ref, c))?.reason ?? null,
    }));
    const published = await publishPlacedSessions(tx, ctx.summit.id);
    const release = await makeRelease(tx, ctx.summit, mailer);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'publish',
      entity: 'programme',
      key: ctx.summit.slug,
      after: { published, acceptedConflicts: accepted, release },
    });
    return { ok: true, value: { published, accepted: hard, release } };
  });
}
