// Placement of the unplaced sessions: proposing one (on the worker pool, within a time limit, telling
// how far it got as it runs) and applying one, all of it or nothing.
import { conflictsInvolving, prepare } from '../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../shared/domain/conflicts/types.ts';
import { type SpotLimit, splitForPlacement } from '../../../shared/domain/resolution/candidates.ts';
import type { PlacementResult } from '../../../shared/domain/resolution/placement.ts';
import { formatTime, parseTime } from '../../../shared/domain/time.ts';
import { formatInterval } from '../../../shared/domain/wall-clock.ts';
import type { z } from 'zod';
import type { placementProgressSchema, proposalSchema } from '../../../shared/schemas/api.ts';
import { failure, invalid, ok, type Outcome, unavailable } from '../../core/outcome.ts';
import { lockSummit, type SummitContext } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { updateItem } from '../programme/programme.service.ts';
import { type PlacementProgress, PlacementSoFar } from '../../workers/placement-progress.ts';
import { runTask, TaskTimeoutError } from '../../workers/pool.ts';
import { checkInput } from './conflicts.service.ts';
import { conflictsPolicy } from './conflicts.policy.ts';

export type Proposal = z.output<typeof proposalSchema>;
export type PlacementStep = z.output<typeof placementProgressSchema>;

/**
 * Placement once the caller may place and the programme is read: `report` hears how far it got as
 * it goes (the heuristic's answer, then each better count or bound of the solver), and aborting
 * `signal` stops it (the client went away).
 */
export type PlacementRun = (hooks?: {
  report?: (step: PlacementStep) => void;
  signal?: AbortSignal;
}) => Promise<Outcome<Proposal>>;

/**
 * Checks the caller and reads the programme, then hands back the placement to run: in two steps,
 * so that a streamed answer starts only once the request is known to be good.
 */
/** How to place: the grid, the time limit, and (optionally) only which sessions. */
export type PlaceOptions = {
  stepMinutes: number;
  timeLimitMs: number;
  sessions?: string[];
  /** Sessions that may go only in some rooms and windows (the Marketplace's tables and windows). */
  limits?: Record<string, SpotLimit>;
};

export async function startPlacement(
  db: Db,
  ctx: SummitContext,
  { sessions: only, ...opts }: PlaceOptions,
): Promise<Outcome<PlacementRun>> {
  const started = Date.now();
  const verdict = conflictsPolicy.mayResolve(ctx.roles);
  if (!verdict.ok) return verdict;
  const input = await checkInput(db, ctx.summit);
  const { toPlace } = splitForPlacement(input.sessions);
  if (only) {
    // Each one named must be a session placement would place, and named once.
    const problems = only.flatMap((key, i) => {
      const session = input.sessions.find((s) => s.key === key);
      const message = !session
        ? `unknown session "${key}"`
        : only.indexOf(key) < i
          ? `"${session.title}" is named twice`
          : session.pinned
            ? `"${session.title}" is pinned, and placement never moves a pinned session`
            : !toPlace.includes(session)
              ? `"${session.title}" already has a room and a time`
              : null;
      return message ? [{ path: `sessions[${i}]`, message }] : [];
    });
    if (problems.length) return invalid(problems);
  }
  const total = only ? only.length : toPlace.length;
  return ok(async ({ report, signal } = {}) => {
    // The limit is the request's: reading the programme came out of it.
    const left = Math.max(0, opts.timeLimitMs - (Date.now() - started));
    const known = new PlacementSoFar();
    const hear = (progress: PlacementProgress) => {
      known.hear(progress);
      const soFar = known.soFar();
      if (soFar && report)
        report({ ...soFar, total, elapsedMs: Date.now() - started, stage: progress.stage });
    };
    let result: PlacementResult;
    try {
      result = await runTask(
        'placement',
        { input, opts: { ...opts, timeLimitMs: left }, only },
        { onProgress: (m) => hear(m as PlacementProgress), signal },
      );
    } catch (e) {
      if (!(e instanceof TaskTimeoutError)) throw e;
      // Stopped at the pool's hard deadline: the heuristic's answer, if it had one, with the best bound.
      const fallback = known.answer();
      if (!fallback)
        return unavailable(
          `placement did not finish within ${opts.timeLimitMs} ms; try again with a longer limit`,
        );
      result = fallback;
    }
    return ok(proposalOf(result, ctx.summit.timeZone));
  });
}

/** A proposal only: nothing changes until the support unit applies it. */
export async function proposePlacement(
  db: Db,
  ctx: SummitContext,
  opts: PlaceOptions,
  signal?: AbortSignal,
): Promise<Outcome<Proposal>> {
  const start = await startPlacement(db, ctx, opts);
  if (!start.ok) return start;
  try {
    return await start.value({ signal });
  } catch (e) {
    // The caller went away and its placement was stopped: nobody is left to answer.
    if (signal?.aborted) return unavailable('the request was abandoned');
    throw e;
  }
}

const proposalOf = (result: PlacementResult, tz: string): Proposal => ({
  placed: result.placed.map((x) => ({
    session: x.key,
    room: x.room,
    start: formatTime(x.start, tz),
    end: formatTime(x.end, tz),
    cost: x.cost,
  })),
  unplaced: result.unplaced.map((x) => ({ session: x.key, reason: x.reason, why: x.why })),
  cost: result.cost,
  bound: result.bound,
  optimal: result.optimal,
});

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
    const seen = new Set<string>();
    const moved = placements.map((pl, i) => {
      const session = input.sessions.find((s) => s.key === pl.session);
      const start = parseTime(pl.start, tz);
      const end = parseTime(pl.end, tz);
      const at = (field: string, message: string) =>
        errors.push({ path: `placements[${i}].${field}`, message });
      if (!session) at('session', `unknown session "${pl.session}"`);
      else if (seen.has(session.key)) at('session', `"${session.title}" is placed twice`);
      else if (session.pinned) at('session', `"${session.title}" is pinned: it does not move`);
      if (session) seen.add(session.key);
      const room = input.rooms.find((r) => r.key === pl.room);
      if (!room) at('room', `unknown room "${pl.room}"`);
      if (start === null || end === null || end <= start)
        at('end', 'start and end must be times, end after start');
      else if (session && !session.pinned) {
        // What placement keeps, applying keeps too: a session with a time and no room keeps its
        // time; one with a room and no time keeps its room.
        if (session.room === null && session.start !== null && session.end !== null) {
          if (start !== session.start || end !== session.end)
            at(
              'start',
              `"${session.title}" keeps its time, ${formatInterval(session.start, session.end, input.offsets)}: only a room can be given to it`,
            );
        } else if (session.room !== null && session.start === null && room && room.key !== session.room) {
          const own = input.rooms.find((r) => r.key === session.room)?.name ?? session.room;
          at('room', `"${session.title}" keeps its room, ${own}: only a time can be given to it`);
        }
      }
      return session && start !== null && end !== null ? { ...session, room: pl.room, start, end } : null;
    });
    if (errors.length) return invalid(errors);
    const keys = new Set(placements.map((pl) => pl.session));
    const after = {
      ...input,
      sessions: [...input.sessions.filter((s) => !keys.has(s.key)), ...moved.map((s) => s!)],
    };
    // Only the placed sessions are checked, each against the programme as it would stand.
    const prepared = prepare(after);
    const hard = new Map<string, Conflict>();
    for (const s of moved) {
      for (const c of conflictsInvolving(prepared, s!)) {
        if (c.severity === 'hard')
          hard.set(`${c.code}|${[...c.sessions].sort()}|${subject(c)}|${c.start}`, c);
      }
    }
    if (hard.size) {
      return failure(
        'conflict',
        [...hard.values()].map((c) => ({ path: 'placements', message: c.message })),
      );
    }
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

/** Whom or what a conflict is about besides its sessions. */
const subject = (c: Conflict) => c.room ?? c.person ?? c.delegation ?? '';
