// The conflict report, moves, automatic placement and publishing, over the engine in shared/domain.
import { conflictsInvolving, detectConflicts, prepare } from '../../../shared/domain/conflicts/engine.ts';
import type { Conflict, ConflictInput } from '../../../shared/domain/conflicts/types.ts';
import { proposeMoves } from '../../../shared/domain/resolution/moves.ts';
import type { PlacementResult } from '../../../shared/domain/resolution/placement.ts';
import { formatTime, parseTime } from '../../../shared/domain/time.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { failure, invalid, notFound, type Outcome, unavailable } from '../../core/outcome.ts';
import { lockSummit, type SummitContext, type SummitRecord } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { conflictInput, publishPlacedSessions, updateItem } from '../programme/programme.service.ts';
import { offThread, runTask, TaskTimeoutError } from '../../workers/pool.ts';
import { conflictsPolicy } from './conflicts.policy.ts';

/** The programme as the engine reads it, with the zone's offsets over every session's time. */
export async function checkInput(db: Executor, summit: SummitRecord): Promise<ConflictInput> {
  return conflictInput(db, summit);
}

export async function conflictReport(
  db: Db,
  ctx: SummitContext,
): Promise<Outcome<{ conflicts: Conflict[] }>> {
  const verdict = conflictsPolicy.mayRead(ctx.roles);
  if (!verdict.ok) return verdict;
  const input = await checkInput(db, ctx.summit);
  // Large programmes are checked on the worker pool, so that other requests keep answering.
  const conflicts = offThread(input.sessions.length)
    ? await runTask('conflicts', input)
    : detectConflicts(input);
  return { ok: true, value: { conflicts } };
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
  const moves =
    hard.length === 0
      ? []
      : proposeMoves(p, session).map((m) => ({
          room: m.room,
          start: formatTime(m.start, tz),
          end: formatTime(m.end, tz),
          cost: m.cost,
          minutesFromOriginal: m.minutesFromOriginal,
          otherRoom: m.otherRoom,
          softConflicts: m.softConflicts,
        }));
  const note = session.pinned
    ? 'pinned: resolution never moves it'
    : session.start === null
      ? 'not placed yet: use placement'
      : hard.length === 0
        ? 'no hard conflict to clear'
        : null;
  return {
    ok: true as const,
    value: { session: key, conflicts: hard, moves, ...(note && moves.length === 0 && { note }) },
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

/** A proposal only: nothing changes until the support unit applies it. */
export async function proposePlacement(
  db: Db,
  ctx: SummitContext,
  opts: { stepMinutes: number; timeLimitMs: number },
) {
  const verdict = conflictsPolicy.mayResolve(ctx.roles);
  if (!verdict.ok) return verdict;
  const input = await checkInput(db, ctx.summit);
  let result: PlacementResult;
  try {
    result = await runTask('placement', { input, opts });
  } catch (e) {
    if (!(e instanceof TaskTimeoutError)) throw e;
    return unavailable(
      `placement did not finish within ${opts.timeLimitMs} ms; try again with a longer limit`,
    );
  }
  const tz = ctx.summit.timeZone;
  return {
    ok: true as const,
    value: {
      placed: result.placed.map((x) => ({
        session: x.key,
        room: x.room,
        start: formatTime(x.start, tz),
        end: formatTime(x.end, tz),
        cost: x.cost,
      })),
      unplaced: result.unplaced.map((x) => ({ session: x.key, reason: x.reason })),
      cost: result.cost,
    },
  };
}

type PlacementInput = { session: string; room: string; start: string; end: string };

/** Applies a placement, all of it or nothing, if it still breaks no hard rule. */
export async function applyPlacement(
  db: Db,
  ctx: SummitContext,
  placements: PlacementInput[],
): Promise<Outcome<{ placed: number }>> {
  const verdict = conflictsPolicy.mayResolve(ctx.roles);
  if (!verdict.ok) return verdict;
  const tz = ctx.summit.timeZone;
  return db.transaction(async (tx) => {
    await lockSummit(tx, ctx.summit.id, 'update');
    const input = await checkInput(tx, ctx.summit);
    const errors: { path: string; message: string }[] = [];
    const moved = placements.map((pl, i) => {
      const session = input.sessions.find((s) => s.key === pl.session);
      const start = parseTime(pl.start, tz);
      const end = parseTime(pl.end, tz);
      if (!session)
        errors.push({ path: `placements[${i}].session`, message: `unknown session "${pl.session}"` });
      else if (session.pinned)
        errors.push({ path: `placements[${i}].session`, message: `session "${pl.session}" is pinned` });
      if (!input.rooms.some((r) => r.key === pl.room))
        errors.push({ path: `placements[${i}].room`, message: `unknown room "${pl.room}"` });
      if (start === null || end === null || end <= start)
        errors.push({
          path: `placements[${i}].end`,
          message: 'start and end must be times, end after start',
        });
      return session && start !== null && end !== null ? { ...session, room: pl.room, start, end } : null;
    });
    if (errors.length) return invalid(errors);
    const keys = new Set(placements.map((pl) => pl.session));
    const after = {
      ...input,
      sessions: [...input.sessions.filter((s) => !keys.has(s.key)), ...moved.map((s) => s!)],
    };
    const hard = detectConflicts(after).filter(
      (c) => c.severity === 'hard' && c.sessions.some((k) => keys.has(k)),
    );
    if (hard.length)
      return failure(
        'conflict',
        hard.map((c) => ({ path: 'placements', message: c.message })),
      );
    for (const s of moved) {
      const r = await updateItem(tx, ctx, 'sessions', s!.key, (current) => {
        const { durationMinutes: _, ...rest } = current;
        return { ...rest, room: s!.room, start: formatTime(s!.start!, tz), end: formatTime(s!.end!, tz) };
      });
      if (!r.ok) throw new Error(`placing ${s!.key}: ${JSON.stringify(r.errors)}`);
    }
    return { ok: true, value: { placed: moved.length } };
  });
}

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
 * the acceptance recorded in the audit log.
 */
export async function publishProgramme(
  db: Db,
  ctx: SummitContext,
  accept: ConflictRef[],
): Promise<Outcome<{ published: number; accepted: Conflict[] }>> {
  const verdict = conflictsPolicy.mayPublish(ctx.roles);
  if (!verdict.ok) return verdict;
  return db.transaction(async (tx) => {
    await lockSummit(tx, ctx.summit.id, 'update');
    const hard = detectConflicts(await checkInput(tx, ctx.summit)).filter((c) => c.severity === 'hard');
    const unaccepted = hard.filter((c) => !accept.some((ref) => refMatches(ref, c)));
    if (unaccepted.length) {
      return failure(
        'conflict',
        unaccepted.map((c) => ({ path: 'accept', message: `${c.code}: ${c.message}` })),
      );
    }
    const accepted = hard.map((c) => ({
      ...c,
      reason: accept.find((ref) => refMatches(ref, c))?.reason ?? null,
    }));
    const published = await publishPlacedSessions(tx, ctx.summit.id);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'publish',
      entity: 'programme',
      key: ctx.summit.slug,
      after: { published, acceptedConflicts: accepted },
    });
    return { ok: true, value: { published, accepted: hard } };
  });
}
