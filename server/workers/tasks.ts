// The work the pool runs off the request thread: pure functions of plain, structured-cloneable data
// (no Maps, Sets or functions cross a thread), each named in TASKS. Each mirrors what the conflicts
// service computes inline, so that a service can swap its direct call for runTask() in one line.
import { detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import { type ConflictPageOptions, conflictPage } from '../../shared/domain/conflicts/paging.ts';
import type { Conflict, ConflictInput } from '../../shared/domain/conflicts/types.ts';
import { type SpotLimit, splitForPlacement } from '../../shared/domain/resolution/candidates.ts';
import type { MessagePort } from 'node:worker_threads';
import { type ExactResult, placeExactly, type Report, solver } from './exact-placement.ts';
import { neighbourhoodHelper } from './neighbourhood-helper.ts';

// A thread loads the solver as it starts, not during its first placement's time limit, and starts
// its helper thread (neighbourhood-helper.ts), which loads its own. A failure here is seen (and
// survived) by that placement.
solver().catch(() => undefined);
neighbourhoodHelper();

export type PlacementTask = {
  input: ConflictInput;
  opts: { stepMinutes: number; timeLimitMs: number; limits?: Record<string, SpotLimit> };
  /** Only these sessions are placed (the others without a room or time stay as they are). */
  only?: string[];
};

/**
 * Places every session without a room or a time around the fixed programme: every session with a
 * time, those without a room included (prepared here, since a prepared programme holds Maps). The
 * heuristic, then the exact stage in what is left of the limit (exact-placement.ts).
 */
export function placeUnplaced({ input, opts, only }: PlacementTask, report?: Report): Promise<ExactResult> {
  const { fixed, toPlace } = splitForPlacement(input.sessions);
  const chosen = only ? toPlace.filter((s) => only.includes(s.key)) : toPlace;
  return placeExactly(prepare({ ...input, sessions: fixed }), chosen, opts, report);
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
  /**
   * Keeps its thread busy for `ms`, ignoring every limit: proves the pool's hard deadline (and that
   * what a task reported before it was stopped reaches its caller).
   */
  busy: (ms: number, report?: (progress: unknown) => void): number => {
    report?.({ busyFor: ms });
    const end = Date.now() + ms;
    let spins = 0;
    while (Date.now() < end) spins++;
    return spins;
  },
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;

/**
 * What the pool posts to a thread. `until` (epoch ms, from Date.now(), which every thread shares)
 * is when a time-limited task's budget ends: time spent queued or copying the input comes off
 * placement's own limit, so that it returns its best before the pool's hard deadline ends it.
 */
export type Envelope = { name: TaskName; input: unknown; until?: number; progress?: MessagePort };

/** A placement task with its limit cut to what is left of its budget at `now`. */
export const withinBudget = (task: PlacementTask, until: number, now: number): PlacementTask => ({
  ...task,
  opts: { ...task.opts, timeLimitMs: Math.max(0, Math.min(task.opts.timeLimitMs, until - now)) },
});

/**
 * Runs a task. `progress`, when the caller asked for it, is a port the task may report on while it
 * runs (placement: its heuristic's answer, then the solver's best count and bound); it is closed after.
 */
export async function perform({ name, input, until, progress }: Envelope): Promise<unknown> {
  if (!Object.hasOwn(TASKS, name)) throw new Error(`unknown task "${name}"`);
  const report = progress && ((message: unknown) => progress.postMessage(message));
  try {
    if (name === 'placement' && until !== undefined)
      return await placeUnplaced(withinBudget(input as PlacementTask, until, Date.now()), report);
    return await (TASKS[name] as (input: unknown, report?: (message: unknown) => void) => unknown)(
      input,
      report,
    );
  } finally {
    progress?.close();
  }
}
