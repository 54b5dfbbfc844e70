// The work the pool runs off the request thread: pure functions of plain, structured-cloneable data
// (no Maps, Sets or functions cross a thread), each named in TASKS. Each mirrors what the conflicts
// service computes inline, so that a service can swap its direct call for runTask() in one line.
import { detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import { type ConflictPageOptions, conflictPage } from '../../shared/domain/conflicts/paging.ts';
import type { Conflict, ConflictInput } from '../../shared/domain/conflicts/types.ts';
import type { Session } from '../../shared/domain/programme.ts';
import { place, type PlacementResult } from '../../shared/domain/resolution/placement.ts';

export type PlacementTask = {
  input: ConflictInput;
  opts: { stepMinutes: number; timeLimitMs: number };
};

const unplaced = (s: Session) => s.start === null || s.room === null;

/**
 * Places every unplaced session around the placed ones, as proposePlacement does inline: the
 * placed sessions are the fixed programme (prepared here, since a prepared programme holds Maps).
 */
export function placeUnplaced({ input, opts }: PlacementTask): PlacementResult {
  const p = prepare({ ...input, sessions: input.sessions.filter((s) => !unplaced(s)) });
  return place(p, input.sessions.filter(unplaced), opts);
}

export const TASKS = {
  /** The full conflict report of a programme. */
  conflicts: (input: ConflictInput): Conflict[] => detectConflicts(input),
  /** One page of the report, with counts of all of it: only the page crosses back. */
  conflictPage: ({ input, ...opts }: ConflictPageOptions & { input: ConflictInput }) =>
    conflictPage(input, opts),
  placement: placeUnplaced,
  /** Nothing: measures the pool's round trip (bench, threshold). */
  echo: <T>(input: T): T => input,
  /** Keeps its thread busy for `ms`, ignoring every limit: proves the pool's hard deadline. */
  busy: (ms: number): number => {
    const end = Date.now() + ms;
    let spins = 0;
    while (Date.now() < end) spins++;
    return spins;
  },
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;

/**
 * What the pool posts to a thread. `until` (epoch ms, from Date.now(), which every thread shares)
 * is when a time-limited task's budget ends: time spent queued or copying the input comes off
 * placement's own limit, so that it returns its best before the pool's hard deadline ends it.
 */
export type Envelope = { name: TaskName; input: unknown; until?: number };

/** A placement task with its limit cut to what is left of its budget at `now`. */
export const withinBudget = (task: PlacementTask, until: number, now: number): PlacementTask => ({
  ...task,
  opts: { ...task.opts, timeLimitMs: Math.max(0, Math.min(task.opts.timeLimitMs, until - now)) },
});

export function perform({ name, input, until }: Envelope): unknown {
  if (!Object.hasOwn(TASKS, name)) throw new Error(`unknown task "${name}"`);
  if (name === 'placement' && until !== undefined)
    return placeUnplaced(withinBudget(input as PlacementTask, until, Date.now()));
  return (TASKS[name] as (input: unknown) => unknown)(input);
}
